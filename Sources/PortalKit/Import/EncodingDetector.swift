import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decodes text files as they come from Chinese government offices: UTF-8 (with or without a
/// byte-order mark), UTF-16 with a byte-order mark, or GB18030 (which includes GBK and GB2312).
enum EncodingDetector {
    struct Decoded: Sendable {
        var text: String
        /// `UTF-8`, `UTF-16` or `GB18030`.
        var encoding: String
    }

    static func decode(_ data: Data, path: String) throws(DiagnosticsError) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            return Decoded(text: SourceText.normalize(text), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: data.dropFirst(2), encoding: encoding) {
                return Decoded(text: SourceText.normalize(text), encoding: "UTF-16")
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: SourceText.normalize(text), encoding: "UTF-8")
        }
        let utf8Failure = SourceText.firstInvalidUTF8Offset(bytes)
        switch Iconv.decode(bytes, from: "GB18030") {
        case .success(let text):
            return Decoded(text: SourceText.normalize(text), encoding: "GB18030")
        case .failure(let offset):
            let line = 1 + bytes.prefix(utf8Failure).filter { $0 == 0x0A }.count
            throw DiagnosticsError([
                .error(
                    .textUndecodable(utf8Offset: utf8Failure, gbOffset: offset),
                    at: SourceLocation(file: path, line: line))
            ])
        }
    }
}

/// The C library's character set conversion, used for GB18030 (Foundation on Linux has no GB18030).
enum Iconv {
    enum Outcome {
        case success(String)
        /// The byte offset at which the input could not be converted.
        case failure(Int)
    }

    static func decode(_ bytes: [UInt8], from charset: String) -> Outcome {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return .failure(0) }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        var inputLeft = input.count
        var outputLeft = output.count
        let converted = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outputPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                return iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft) != -1
            }
        }
        guard converted, inputLeft == 0 else { return .failure(bytes.count - inputLeft) }
        return .success(String(decoding: output[0..<(output.count - outputLeft)], as: UTF8.self))
    }
}
