import Foundation
import PonderCore
import Testing

/// Config text the TOML parser inside TOMLKit cannot take (it stops the process on an assertion):
/// reported as a syntax error with its line, while valid TOML that merely looks similar passes.
@Suite struct ConfigTrapTests {
    @Test(arguments: [
        ("[}providers.x]\nkind = \"openai\"", 1, "a table name must start with a letter, a digit, _, - or a quote"),
        ("ui = {}\n\n[[ }x]]", 3, "a table name must start with a letter, a digit, _, - or a quote"),
        ("[local]\nextra_args = [5,}", 2, "an array holds a } where a value should be"),
        ("x = {a = [\n1,\n}]}", 3, "an array holds a } where a value should be"),
    ])
    func trapsAreSyntaxErrorsWithTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "c.toml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.line == line)
            #expect(error.problems.first?.message == "TOML syntax error: " + message)
        }
    }

    @Test(arguments: [
        "[local]\nextra_args = [\"}\", '}', \"\"\"\n[}\n\"\"\", '''\n}]\n''']",
        "[local]\nextra_args = [ # a } in a comment\n  \"a\",\n]",
        "[providers.\"odd name\"]\nkind = \"openai\"\nbase_url = \"http://h\"\nmodel = \"m\"\nheaders = { \"X-A\" = \"}\" }",
        "[ui]\ntheme = \"dark\" # [}",
    ])
    func validTOMLThatLooksAlikeIsRead(text: String) throws {
        _ = try ConfigLoader.parse(text, file: "c.toml")
    }
}
