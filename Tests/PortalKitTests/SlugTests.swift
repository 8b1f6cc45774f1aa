import Testing

@testable import PortalKit

@Suite struct SlugTests {
    @Test func derivesPinyinFromChineseNames() {
        #expect(Slug.fromPinyin("花庄镇") == "huazhuangzhen")
        #expect(Slug.fromPinyin("东城镇") == "dongchengzhen")
        #expect(Slug.fromPinyin("长乐乡") == "changlexiang" || Slug.fromPinyin("长乐乡") == "zhanglexiang")
    }

    @Test func validSlugsAreLowercaseASCII() {
        #expect(Slug.isValid("huazhuang"))
        #expect(Slug.isValid("dong-cheng2"))
        #expect(!Slug.isValid("Huazhuang"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("2024"))
        #expect(!Slug.isValid("assets"))
        #expect(!Slug.isValid("花庄"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("-a"))
    }
}
