@testable import PortalKit

/// Transitional, for the tests written before the message catalog: they look for words in a
/// diagnostic's message, as they did when it was a String. The words are the English ones (an
/// unconverted message is its original words). Remove once these tests speak of messages by case.
extension Message {
    func contains(_ words: some StringProtocol) -> Bool { text(.english).contains(words) }
    func hasPrefix(_ words: String) -> Bool { text(.english).hasPrefix(words) }
    func hasSuffix(_ words: String) -> Bool { text(.english).hasSuffix(words) }
    func range(of words: String) -> Range<String.Index>? { text(.english).range(of: words) }
    var count: Int { text(.english).count }

    static func == (message: Message, words: String) -> Bool { message.text(.english) == words }
}

extension Array where Element == Message {
    static func == (messages: [Message], words: [String]) -> Bool { messages.map { $0.text(.english) } == words }
}
