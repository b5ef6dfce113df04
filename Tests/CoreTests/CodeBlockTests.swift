import PonderCore
import Testing

/// Fenced code blocks found in markdown for the copy picker.
@Suite struct CodeBlockTests {
    @Test func findsBacktickAndTildeFencesWithTheirLanguage() {
        let markdown = """
            Intro

            ```swift
            let a = 1
              indented
            ```

            ~~~
            plain ``` inside
            ~~~

            ````python title
            print("```")
            ````
            """
        #expect(
            CodeBlock.all(in: markdown) == [
                CodeBlock(language: "swift", code: "let a = 1\n  indented"),
                CodeBlock(language: "", code: "plain ``` inside"),
                CodeBlock(language: "python", code: "print(\"```\")"),
            ])
    }

    @Test func anUnclosedBlockRunsToTheEndAndInlineBackticksAreNotFences() {
        #expect(CodeBlock.all(in: "Use ``` carefully") == [])
        #expect(CodeBlock.all(in: "```js\nconsole.log(1)\n") == [CodeBlock(language: "js", code: "console.log(1)\n")])
        #expect(CodeBlock.all(in: "  ```\n  two\n   three\n  ```") == [CodeBlock(language: "", code: "two\n three")])
    }
}
