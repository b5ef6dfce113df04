import Foundation
import PonderCore
import TestSupport
import Testing

@Suite struct PonderImportTests {
    static func export(id: String, title: String, messages: String) -> String {
        """
        {"format": "ponder.conversation", "version": 1, "exported_at": 1750000000,
         "conversation": {"id": "\(id)", "title": "\(title)", "created_at": 1750000000, "updated_at": 1750000010,
                          "pinned": false, "archived": false},
         "messages": [\(messages)]}
        """
    }

    static func message(_ id: String, parent: String? = nil, role: String = "user", answer: String = "text") -> String {
        let parentField = parent.map { #""parent_id": "\#($0)", "# } ?? ""
        return #"{"id": "\#(id)", \#(parentField)"role": "\#(role)", "status": "complete", "reasoning": "", "#
            + #""answer": "\#(answer)", "created_at": 1750000000, "usage": {}, "timings": {}}"#
    }

    @Test func loopsAndRepeatedIdsAreRepairedAndNamed() throws {
        let text = Self.export(
            id: "c1", title: "Loops",
            messages: [
                Self.message("m1", parent: "m2"), Self.message("m2", parent: "m1", role: "assistant"),
                Self.message("m2"), Self.message("m3", parent: "m3"),
            ].joined(separator: ","))
        let plan = try PonderExportParser.plan(Data(text.utf8), file: "loops.json")
        let messages = try #require(plan.conversations.first?.messages)
        #expect(messages.map(\.sourceID).sorted() == ["m1", "m2", "m3"])
        let placed = messages.map(\.sourceID)
        for (index, message) in messages.enumerated() {
            if let parent = message.parentSourceID { #expect(placed.prefix(index).contains(parent)) }
        }
        let reasons = plan.problems.map(\.description)
        #expect(reasons.contains { $0.contains("message m2 in conversation “Loops” (c1): the id appears twice") })
        #expect(reasons.contains { $0.contains("message m3") && $0.contains("names itself") })
        #expect(reasons.contains { $0.contains("loops back") })
    }

    @Test func jsonLinesAndArraysOfExportsAreRead() throws {
        let one = Self.export(id: "a", title: "A", messages: Self.message("x")).replacingOccurrences(
            of: "\n", with: " ")
        let two = Self.export(id: "b", title: "B", messages: Self.message("y")).replacingOccurrences(
            of: "\n", with: " ")
        let lines = try PonderExportParser.plan(Data("\(one)\n\(two)\nnot json\n".utf8), file: "all.jsonl")
        #expect(lines.conversations.map(\.title) == ["A", "B"])
        #expect(lines.problems.count == 1 && lines.problems[0].record == "line 3")
        let array = try PonderExportParser.plan(Data("[\(one), \(two)]".utf8), file: "all.json")
        #expect(array.conversations.map(\.title) == ["A", "B"])
    }

    @Test func anArrayOfOtherObjectsSaysWhatItLooksLike() throws {
        let error = #expect(throws: StoreError.self) {
            try PonderExportParser.plan(try ImportFixtures.data("open-webui-chats.json"), file: "chats.json")
        }
        let message = error?.message ?? ""
        #expect(message.contains("a JSON array of 2 items"), "\(message)")
        #expect(message.contains("--from open-webui"), "\(message)")
    }

    @Test func nestingIsBoundedForEverySource() throws {
        let deep = Data((String(repeating: "{\"a\":", count: 5000) + "1" + String(repeating: "}", count: 5000)).utf8)
        for source in ImportSource.allCases where !source.isDatabase {
            let error = #expect(throws: StoreError.self) {
                try ImportReader.plan(source: source, data: deep, file: "deep.json")
            }
            #expect(error?.message.contains("more than 512 levels deep") == true, "\(source): \(error?.message ?? "")")
        }
    }

    @Test func hugeNumbersWhereIdsAndVersionsGoAreRefusedNotTrapped() throws {
        let text = #"{"format": "ponder.conversation", "version": 1e300, "conversation": {}, "messages": []}"#
        let error = #expect(throws: StoreError.self) { try PonderExportParser.plan(Data(text.utf8), file: "big.json") }
        #expect(error?.message.contains("not a Ponder conversation export") == true, "\(error?.message ?? "")")
        let chat =
            #"[{"id": 1e300, "chat": {"history": {"messages": {"a": {"id": -1e300, "role": "user", "content": "x", "timestamp": 1e300}}}}}]"#
        let plan = try OpenWebUIParser.plan(Data(chat.utf8), file: "big.json")
        #expect(plan.conversations.first?.messages.count == 1)
    }

    @Test func aZipArchiveIsRecognised() throws {
        let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) + Data("conversations.json".utf8)
        let error = #expect(throws: StoreError.self) {
            try ImportReader.plan(source: .chatgpt, data: zip, file: "export.zip")
        }
        #expect(error?.message.contains("export.zip is a zip archive") == true, "\(error?.message ?? "")")
    }

    @Test func truncatedJSONNamesTheLine() throws {
        let error = #expect(throws: StoreError.self) {
            try PonderExportParser.plan(
                Data("{\n\"format\": \"ponder.conversation\",\n\"version\": ".utf8), file: "cut.json")
        }
        #expect(error?.message.contains("cut.json is not valid JSON") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("line 3") == true, "\(error?.message ?? "")")
    }
}
