import Testing

@testable import PortalKit

@Suite struct FigureTemplateTests {
    /// Figures are written exactly as published (sign, decimals, trailing zeros) between the fixed
    /// text, a blank cell gets the blank text, and holes may draw on any of the tables.
    @Test func fillsFiguresAndBlanksBetweenFixedText() throws {
        let spec = StatisticsSchema.tables(for: .v2021)[2]
        var first = StatTable(spec: spec)
        var second = StatTable(spec: spec)
        first[cell: 0] = Amount("-12.50")
        first[cell: 1] = Amount("7")
        second[cell: 0] = Amount("0.000000001")
        var builder = FigureTemplate.Builder()
        builder.append("<")
        builder.figure(table: 0, cell: 0)
        builder.append("|")
        builder.figure(table: 0, cell: 1)
        builder.append("|")
        builder.figure(table: 0, cell: 2)
        builder.append("|")
        builder.figure(table: 1, cell: 0)
        builder.append(">")
        let template = FigureTemplate(builder, before: "[", after: "]", blank: "空")
        #expect(template.string([first, second]) == "<[-12.50]|[7]|空|[0.000000001]>")
        var bytes = Array("x".utf8)
        template.append([first, second], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x<[-12.50]|[7]|空|[0.000000001]>")
        let largest = Amount(mantissa: .min + 1, scale: 9)
        first[cell: 0] = largest
        #expect(template.string([first, second]).hasPrefix("<[" + largest.text + "]"))
        #expect(largest.text == "-9223372036.854775807")
    }
}
