import PonderCore
import Testing

@Suite struct DisplayWidthTruncateTests {
    @Test func textIsCutToTheWidthWithAnEllipsis() {
        #expect(DisplayWidth.truncate("short", width: 10) == "short")
        #expect(DisplayWidth.truncate("short", width: 10, continues: true) == "short…")
        #expect(DisplayWidth.truncate("a longer line", width: 9) == "a longer…")
        #expect(DisplayWidth.truncate("a longer line", width: 3) == "a…", "no blank before the ellipsis")
        #expect(DisplayWidth.truncate("中文的句子", width: 6) == "中文…")
        #expect(DisplayWidth.truncate("中文的句子", width: 10) == "中文的句子")
        #expect(DisplayWidth.truncate("é and more", width: 4) == "é a…")
        #expect(DisplayWidth.truncate("anything", width: 0) == "")
        for width in 1...12 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("混合 mixed 文字 text", width: width)) <= width)
        }
    }
}
