import PonderCore
import Testing

/// Credentials in error texts, whatever shape the server echoed them in.
@Suite struct SecretRedactorTests {
    @Test(arguments: [
        (
            "Invalid header: Authorization: Bearer sk-live-0123456789abcdef",
            "Invalid header: Authorization: Bearer <redacted>"
        ),
        ("bad x-api-key: sk-ant-api03-AAAABBBBCCCCDDDD", "bad x-api-key: <redacted>"),
        (#"{"api_key":"abc123secretvalue"}"#, #"{"api_key":"<redacted>"}"#),
        ("api-key=abcdefgh1234 rejected", "api-key=<redacted> rejected"),
        ("token sk-or-v1-0123456789abcdef0123 is invalid", "token <redacted> is invalid"),
        ("Basic dXNlcjpwYXNzd29yZA== was refused", "Basic <redacted> was refused"),
        ("password: hunter2hunter2", "password: <redacted>"),
        ("access_token=ya29.a0AfH6SMBx", "access_token=<redacted>"),
    ])
    func credentialShapesAreRedacted(text: String, expected: String) {
        #expect(SecretRedactor.redact(text) == expected)
    }

    @Test func knownKeysAreRedactedWhateverTheirShape() {
        let key = "0f9e8d7c6b5a"
        #expect(
            SecretRedactor.redact("you sent 0f9e8d7c6b5a twice: 0f9e8d7c6b5a", keys: [key])
                == "you sent <redacted> twice: <redacted>")
        #expect(SecretRedactor.redact("abc is short", keys: ["abc"]) == "abc is short")
    }

    @Test(arguments: [
        "The connection closed before the response finished (connection reset by peer).",
        "api_key_cmd for deepseek failed with exit status 1.",
        "Ponder used the API key from the DEEPSEEK_API_KEY environment variable; check it.",
        "Rate limit reached for requests; the authorization is fine.",
        "你说：「钥匙」。",
    ])
    func ordinaryMessagesAreLeftAlone(text: String) {
        #expect(SecretRedactor.redact(text) == text)
    }

    @Test func everyChatErrorIsRedactedAtBirth() {
        let error = ChatError(kind: .inBand, message: "echo: Authorization: Bearer sk-abcdefghijklmnop")
        #expect(error.message == "echo: Authorization: Bearer <redacted>")
        let key = APIKey(value: "plainkey-42", source: "test")
        #expect(ChatError(kind: .inBand, message: "got plainkey-42").redacting(key).message == "got <redacted>")
    }
}
