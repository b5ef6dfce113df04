import PonderCore
import TestSupport
import Testing

/// Steps and reflection points of traces fed whole, one byte at a time and cut at every offset.
@Suite struct TraceOutlineTests {
    /// The outline's content, for comparing outlines built in different ways.
    struct Shape: Equatable {
        var steps: [TraceStep]
        var points: [ReflectionPoint]

        init(_ outline: TraceOutline) {
            steps = outline.steps
            points = outline.points
        }
    }

    static let withCode = """
        Let me write the loop first. Hmm, the bound matters.

        ```swift
        // Wait, this comment is code. Let me check it.
        for index in 0..<count {
            print(index)

            // Alternatively, a blank line inside the fence does not end the step.
        }
        ```

        Wait, the loop runs `count` times. Let me check `Wait, no` inside code: nothing.

            indented code: Wait, no. This is code too.

        - Wait, a list item is not a sentence start.
        - Let me check: neither is this one.

        > Wait, a quote is someone else's words.

        | Wait | no |
        |---|---|
        | Let me check | 1 |

        Actually, the table is over. So the answer is $x = 1. Wait$ and \\(y. Hmm\\) stay whole.
        """

    static let samples = TraceFixtures.all.map(\.text) + [withCode]

    @Test(arguments: samples)
    func fedWholeOrOneByteAtATimeTheOutlineIsTheSame(text: String) {
        let whole = TraceOutline(text: text)
        var bytewise = TraceOutline()
        for byte in text.utf8 { bytewise.append(utf8: [byte]) }
        bytewise.finish()
        #expect(Shape(bytewise) == Shape(whole))
        #expect(whole.stepCount > 3)
    }

    @Test(arguments: samples)
    func cutAtEveryOffsetTheOutlineIsTheSame(text: String) {
        let expected = Shape(TraceOutline(text: text))
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            var outline = TraceOutline()
            outline.append(utf8: bytes[..<cut])
            outline.append(utf8: bytes[cut...])
            outline.finish()
            let shape = Shape(outline)
            #expect(shape == expected, "cut at byte \(cut)")
            if shape != expected { return }
        }
    }

    @Test(arguments: samples)
    func whileStreamingTheClosedStepsNeverChange(text: String) {
        let final = TraceOutline(text: text).steps
        var outline = TraceOutline()
        var seed: UInt64 = 7
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let size = 1 + Int(seed >> 60)  // 1…16 bytes, like 1–4 tokens
            let end = text.utf8.index(index, offsetBy: size, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
            outline.append(utf8: text.utf8[index..<end])
            index = end
            for step in outline.steps where !step.isOpen {
                #expect(final[step.index] == step, "step \(step.index) changed after it closed")
            }
            if let last = outline.steps.last {
                #expect(last.isOpen || outline.stepCount == final.count)
                #expect(last.offset == final[last.index].offset)
            }
        }
    }

    @Test func paragraphsAreStepsAndKindsComeFromTheirFirstPoint() {
        let text = """
            Okay, so I need to add 2 and 3.

            That is 5. Wait, is that right?

            Let me check: 2 + 3 = 5. Yes.

            Alternatively, count on fingers. So the answer is 5.
            """
        let outline = TraceOutline(text: text)
        #expect(outline.steps.map(\.kind) == [nil, .reflection, .verification, .alternative])
        #expect(outline.steps.map(\.marker) == [nil, "wait", "let me check", "alternatively"])
        #expect(outline.points.map(\.kind) == [.reflection, .verification, .alternative, .conclusion])
        let bytes = Array(text.utf8)
        let texts = outline.steps.map { String(decoding: bytes[$0.offset..<$0.end], as: UTF8.self) }
        #expect(texts == text.components(separatedBy: "\n\n"))
        let wait = outline.points[0]
        #expect(String(decoding: bytes[wait.offset..<wait.end], as: UTF8.self) == "Wait, is that right?")
        #expect(wait.step == 1)
        #expect(outline.steps[3].points == 2..<4)
    }

    @Test func theOpeningSentenceIsNeverAPoint() {
        let outline = TraceOutline(text: "Hmm, the user asks about tabs. Hmm, tabs or spaces?")
        #expect(outline.points.map(\.offset) == [31])
    }

    @Test func aLongParagraphIsCutAtSentenceEndsAndBeforeMarkedSentences() {
        let sentence = "The value of the expression depends on how we group the terms in the sum. "
        let long = String(repeating: sentence, count: 40)
        let outline = TraceOutline(text: long)
        #expect(outline.stepCount > 4)
        let bytes = Array(long.utf8)
        for step in outline.steps {
            #expect(String(decoding: bytes[step.offset..<step.end], as: UTF8.self).hasSuffix("sum."))
            #expect(bytes[step.offset] == UInt8(ascii: "T"))
        }
        for step in outline.steps.dropLast() { #expect(step.estimatedTokens >= TraceOutline.splitUnits / 10) }
        let marked = String(repeating: sentence, count: 3) + "Wait, that grouping is wrong. " + sentence
        let split = TraceOutline(text: marked)
        #expect(split.steps.map(\.kind) == [nil, .reflection])
        let short = "We group the terms. Wait, that grouping is wrong."
        #expect(TraceOutline(text: short).stepCount == 1, "a short paragraph stays one step")
    }

    @Test func chineseParagraphsAreCutAtFullWidthSentenceEnds() {
        let sentence = "我们需要考虑哈希表的锁粒度以及每个桶的竞争情况。"
        let text = String(repeating: sentence, count: 40) + "不对，锁的粒度太粗了！" + String(repeating: sentence, count: 3)
        let outline = TraceOutline(text: text)
        #expect(outline.stepCount > 3)
        let bytes = Array(text.utf8)
        for step in outline.steps {
            let stepText = String(decoding: bytes[step.offset..<step.end], as: UTF8.self)
            #expect(stepText.hasSuffix("。") || stepText.hasSuffix("！"))
        }
        #expect(outline.points.map(\.kind) == [.backtracking])
        #expect(outline.points.map(\.marker) == ["不对"])
        let point = outline.points[0]
        #expect(String(decoding: bytes[point.offset..<point.end], as: UTF8.self) == "不对，锁的粒度太粗了！")
    }

    @Test func nothingIsCutOrTaggedInsideCodeListsTablesQuotesOrFormulas() {
        let outline = TraceOutline(text: Self.withCode)
        let bytes = Array(Self.withCode.utf8)
        let starts = outline.points.map {
            String(decoding: bytes[$0.offset..<min($0.end, $0.offset + 12)], as: UTF8.self)
        }
        #expect(starts == ["Hmm, the bou", "Wait, the lo", "Let me check", "Actually, th", "So the answe"])
        let steps = outline.steps.map { String(decoding: bytes[$0.offset..<$0.end], as: UTF8.self) }
        #expect(steps.count == 8)
        #expect(steps[1].hasPrefix("```swift") && steps[1].hasSuffix("```"))
        #expect(steps[3].hasPrefix("indented code"))
        #expect(steps[4].hasPrefix("- Wait") && steps[4].hasSuffix("this one."))
        #expect(steps[7].hasSuffix("stay whole."))

        let sentence = "The sum $a. Then b$ is long enough to need cutting, so it goes on and on here. "
        let formulas = String(repeating: sentence, count: 30)
        let cut = TraceOutline(text: formulas)
        #expect(cut.stepCount > 2)
        for step in cut.steps.dropFirst() {
            #expect(String(decoding: Array(formulas.utf8)[step.offset..<step.offset + 7], as: UTF8.self) == "The sum")
        }
    }

    @Test func quotedSentencesAreNotPoints() {
        let text = """
            The user wrote this.

            She said "Wait, that is mine. Let me check it." and left. "Wait," he said. 「等等，这是引用。不对。」然后继续。
            """
        #expect(TraceOutline(text: text).pointCount == 0)
    }

    @Test func markersMatchWholeWordsIgnoringCase() {
        func kinds(_ sentence: String) -> [ReflectionKind] {
            TraceOutline(text: "Start here.\n\n" + sentence).points.map(\.kind)
        }
        #expect(kinds("WAIT. Something is off.") == [.reflection])
        #expect(kinds("Checksum of the file is fine.") == [])
        #expect(kinds("Check the file.") == [.verification])
        #expect(kinds("Buttons and boxes.") == [])
        #expect(kinds("Waiting is not a marker.") == [])
        #expect(kinds("Wait, no, that is wrong.") == [.backtracking])
        #expect(kinds("Wait,no.") == [.backtracking])
        #expect(kinds("**Wait**, look again.") == [.reflection])
        #expect(kinds("So-called experts agree.") == [])
        #expect(kinds("Thus’s not a word.") == [])
        #expect(kinds("Therefore x = 1.") == [.conclusion])
        #expect(kinds("等等，这里不对。") == [.reflection])
        #expect(kinds("等等这里不对。") == [.reflection], "Chinese phrases need no word end")
        #expect(kinds("换个思路：用栈。") == [.alternative])
    }

    @Test func aMarkerCutAcrossDeltasIsFound() {
        let start = Array("Start.\n\n".utf8)
        for (first, second, kind) in [
            (start + Array("Wa".utf8), Array("it, no. The sum is off.".utf8), ReflectionKind.backtracking),
            (start + Array("Wait".utf8), Array(", no.".utf8), .backtracking),
            (start + Array("等".utf8), Array("等，再看。".utf8), .reflection),
            (start + [0xE6], [0x8D, 0xA2] + Array("个思路。".utf8), .alternative),
        ] {
            var outline = TraceOutline()
            outline.append(utf8: first)
            #expect(outline.pointCount == 0)
            outline.append(utf8: second)
            outline.finish()
            #expect(outline.points.map(\.kind) == [kind])
        }
    }

    @Test func theOpenStepGrowsAndClosesWhenTheTraceEnds() {
        var outline = TraceOutline()
        outline.append("First thought.\n\nSecond tho")
        #expect(outline.stepCount == 2)
        #expect(outline.step(at: 0).isOpen == false)
        #expect(outline.step(at: 1).isOpen)
        #expect(outline.step(at: 1).length == 10)
        outline.append("ught goes on")
        #expect(outline.step(at: 1).length == 22)
        outline.finish()
        #expect(outline.isFinished && !outline.step(at: 1).isOpen)
        #expect(outline.step(at: 1).length == 22)
    }

    @Test func lookupsByOffset() {
        let text = "One.\n\nWait, two.\n\nThree.\n\nLet me check four.\n\nFive."
        let outline = TraceOutline(text: text)
        let offsets = outline.steps.map(\.offset)
        #expect(offsets == [0, 6, 18, 26, 46])
        #expect(outline.stepIndex(containing: 0) == 0)
        #expect(outline.stepIndex(containing: 17) == 1)
        #expect(outline.stepIndex(containing: 18) == 2)
        #expect(outline.stepIndex(containing: 1_000) == 4)
        #expect(outline.stepIndex(after: 6) == 2)
        #expect(outline.stepIndex(after: 46) == nil)
        #expect(outline.stepIndex(before: 18) == 1)
        #expect(outline.stepIndex(before: 0) == nil)
        #expect(outline.pointIndex(after: 0) == 0)
        #expect(outline.pointIndex(after: 6) == 1)
        #expect(outline.pointIndex(before: 26) == 0)
        #expect(outline.pointIndex(before: 27) == 1)
        #expect(outline.pointIndices(startingIn: 0..<20) == 0..<1)
        #expect(outline.pointIndices(startingIn: 20..<60) == 1..<2)
        #expect(outline.stepIndices(startingIn: 5..<30) == 1..<4)
        #expect(outline.position(at: 30).description == "step 4/5 · reflection 2/2")
        #expect(outline.position(at: 0).description == "step 1/5 · reflection 0/2")
        #expect(TraceOutline(text: "").position(at: 0).description == "step 0/0 · reflection 0/0")
    }

    @Test func firstWordsFitTheWidthAndAreSanitised() {
        let text =
            "Intro.\n\n## **Wait**, the  value\nof \u{1B}]52;c;aGk=\u{07}x is\tlarge and keeps going on.\n\n- 列表：等等，这是很长的中文句子"
        let outline = TraceOutline(text: text)
        #expect(
            outline.firstWords(ofStep: 1, width: 200) == "Wait, the value of ␛]52;c;aGk=␇x is large and keeps going on."
        )
        #expect(outline.firstWords(ofStep: 1, width: 16) == "Wait, the value…")
        let chinese = outline.firstWords(ofStep: 2, width: 11)
        #expect(chinese == "列表：等等…")
        #expect(DisplayWidth.of(chinese) <= 11)
        #expect(outline.firstWords(ofStep: 9, width: 10) == "")
    }

    @Test func tokensAreEstimatedOrApportionedFromTheReportedCount() {
        let text = TraceFixtures.english.text
        let outline = TraceOutline(text: text)
        #expect(outline.estimatedTokens == TokenEstimate.tokens(text))
        let estimated = (0..<outline.stepCount).map { outline.tokens(ofStep: $0) }
        #expect(estimated == outline.steps.map(\.estimatedTokens))
        let apportioned = (0..<outline.stepCount).map { outline.tokens(ofStep: $0, reportedTotal: 3_000) }
        let sum = apportioned.reduce(0, +)
        #expect(sum <= 3_000 && sum > 2_900, "blank lines between steps hold the rest")
        #expect((apportioned.last! > apportioned.first!) == (estimated.last! > estimated.first!))
        #expect(TokenEstimate.tokens("abcdefghij") == 3)
        #expect(TokenEstimate.tokens("一二三四五") == 3)
    }
}
