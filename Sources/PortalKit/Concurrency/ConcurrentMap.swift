import Foundation

extension Array where Element: Sendable {
    /// `map` on all cores, with at most `2 × width` items in flight, results in input order — so
    /// the outcome never depends on how many cores ran it or which finished first.
    func concurrentMap<Result: Sendable>(
        width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @escaping @Sendable (Element) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: count)
            var next = 0
            func add(_ group: inout TaskGroup<(Int, Result)>) {
                let index = next
                let item = self[index]
                next += 1
                group.addTask { (index, await transform(item)) }
            }
            while next < count, next < Swift.max(2, width * 2) { add(&group) }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < count { add(&group) }
            }
            return results.map { $0! }
        }
    }
}
