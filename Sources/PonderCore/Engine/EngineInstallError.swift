import Foundation

/// Why `ponder engine install` failed, with a message that says what to do.
public struct EngineInstallError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// No Python 3 interpreter to make the virtual environment with.
        case pythonMissing
        /// `python3 -m venv` failed (on Debian usually: python3-venv is not installed).
        case environmentFailed
        /// The package index could not be reached (network, DNS, proxy, TLS, a wrong PIP_INDEX_URL).
        case registryUnreachable
        /// The index answered but has no matching file for this Python or machine.
        case packageUnavailable
        case diskFull
        case pipFailed
        /// The launcher script that ships with the binary is missing.
        case launcherMissing
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// What failed pip output says, for `package` (`python` is the environment's version, when known).
    static func diagnosing(
        pipOutput output: String, status: Int32, package: EnginePackage, python: String?,
        environment: [String: String], log: URL
    ) -> EngineInstallError {
        let wanted = "\(package.name) \(package.version)"
        let retry = "then run `ponder engine install` again"
        let configuredIndex = environment["PIP_INDEX_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if output.contains("is not a trusted or secure host") {
            return EngineInstallError(
                .registryUnreachable,
                "pip ignored the package index \(configuredIndex ?? "it was given") because it is plain HTTP on "
                    + "another machine, so \(wanted) could not be downloaded. Use an https:// address, or name the "
                    + "host in PIP_TRUSTED_HOST, \(retry).")
        }
        if let reason = networkFailure(in: output) {
            let index =
                configuredIndex.map { "the package index at \($0) (PIP_INDEX_URL)" } ?? "PyPI, the Python package index"
            return EngineInstallError(
                .registryUnreachable,
                "Could not reach \(index) to download \(wanted): \(reason). Check the network connection or "
                    + "proxy (HTTPS_PROXY), or set PIP_INDEX_URL to a mirror you can reach, \(retry).")
        }
        if output.contains("No space left on device") {
            return EngineInstallError(
                .diskFull, "The disk is full: \(wanted) did not fit. Free some space, \(retry).")
        }
        if output.contains("No matching distribution found") || output.contains("Could not find a version") {
            let machine = python.map { "Python \($0) on this machine" } ?? "this machine's Python"
            return EngineInstallError(
                .packageUnavailable,
                "The package index has no \(wanted) for \(machine). Make the engine with another Python 3 "
                    + "(`ponder engine install --force --python /path/to/python3`), or choose another provider.")
        }
        let lastError =
            output.split(whereSeparator: \.isNewline).last { $0.hasPrefix("ERROR:") }
            .map { Sanitizer.sanitizeLine(String($0)) } ?? "exit status \(status)"
        return EngineInstallError(
            .pipFailed,
            "pip could not install \(wanted): \(lastError). Its full output is in \(log.path); "
                + "`ponder engine install --force` starts over with a new virtual environment.")
    }

    /// The reason a connection failed ("[Errno 111] Connection refused"), when pip's output shows one.
    static func networkFailure(in output: String) -> String? {
        let markers = [
            "NewConnectionError", "Failed to establish a new connection", "Max retries exceeded",
            "ConnectTimeoutError", "ReadTimeoutError", "Read timed out", "Temporary failure in name resolution",
            "Name or service not known", "ProxyError", "SSLError", "Network is unreachable", "No route to host",
            "Connection refused", "Connection reset",
        ]
        guard markers.contains(where: output.contains) else { return nil }
        if let range = output.range(of: #"\[Errno -?[0-9]+\] [^'"\)\]]+"#, options: .regularExpression) {
            return Sanitizer.sanitizeLine(String(output[range]).trimmingCharacters(in: .whitespaces))
        }
        for reason in ["timed out", "SSLError", "ProxyError"] where output.contains(reason) {
            return reason == "timed out" ? "the connection timed out" : reason
        }
        return "the connection failed"
    }
}
