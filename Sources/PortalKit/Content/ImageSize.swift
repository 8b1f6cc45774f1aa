/// The pixel size of a PNG, GIF or JPEG image, read from its header, so that a page can give
/// `<img>` its `width` and `height` (the page does not move when the image arrives).
enum ImageSize {
    /// (width, height), or nil when the bytes are none of these formats or the size is not found.
    static func of(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        func big16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
        func valid(_ size: (Int, Int)) -> (width: Int, height: Int)? { size.0 > 0 && size.1 > 0 ? size : nil }
        // PNG: the signature, then the IHDR chunk with the width and height.
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes[12..<16].elementsEqual("IHDR".utf8) {
            return valid((big32(16), big32(20)))
        }
        // GIF: the logical screen size, little-endian.
        if bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) {
            return valid((Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8))
        }
        // JPEG: the first start-of-frame segment after the start of image.
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            let length = big16(index + 2)
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame { return valid((big16(index + 7), big16(index + 5))) }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }
}
