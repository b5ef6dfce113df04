import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// One response read through async-http-client's delegate interface: the head and every body part go
/// to a `ResponseBodyReader` on the connection's own event loop, as they arrive; the end or the error
/// is handed over as an async sequence of one element, for the task that sent the request.
///
/// The delegate takes every part at once and asks for the next right away. The client's async response
/// body instead waits for its reader before asking for more, and parts that arrive meanwhile are dropped
/// when the connection then closes: a server that sends a burst and closes lost the tail of its answer. An idle timer runs alongside: when no byte has
/// arrived for `idleTimeout` seconds (keep-alive comments count), the request fails with
/// `IdleTimeout`.
final class ResponsePartStream: HTTPClientResponseDelegate, Sendable {
    typealias Response = Void

    enum Ending: Sendable {
        /// The body ended, or the reader found the end of the answer in it.
        case end
        case failed(any Error)
    }

    /// The request failed because nothing arrived for the idle timeout.
    struct IdleTimeout: Error {}

    let ending: AsyncStream<Ending>
    private let continuation: AsyncStream<Ending>.Continuation
    private let reader: ResponseBodyReader
    private let idleTimeout: TimeAmount
    /// When the last byte arrived, and whether the response has ended (the idle timer then stops).
    private let activity: Mutex<(last: NIODeadline, ended: Bool)>

    init(idleTimeout seconds: Double, reader: ResponseBodyReader) {
        (ending, continuation) = AsyncStream.makeStream(of: Ending.self, bufferingPolicy: .unbounded)
        self.reader = reader
        idleTimeout = .nanoseconds(Int64(max(0.001, seconds) * 1_000_000_000))
        activity = Mutex((.now(), false))
    }

    /// Sends `request` on `eventLoop` (the connection and these callbacks share it) and starts the
    /// idle timer. Cancel the returned task to stop the request.
    func start(_ request: HTTPClient.Request, on client: HTTPClient, eventLoop: any EventLoop)
        -> HTTPClient.Task<Void>
    {
        touch()
        let task = client.execute(
            request: request, delegate: self, eventLoop: .delegateAndChannel(on: eventLoop),
            deadline: .now() + .hours(12))
        scheduleIdleCheck(task, on: eventLoop, at: .now() + idleTimeout)
        return task
    }

    private func scheduleIdleCheck(_ task: HTTPClient.Task<Void>, on eventLoop: any EventLoop, at deadline: NIODeadline)
    {
        eventLoop.scheduleTask(deadline: deadline) { [self] in
            let (last, ended) = activity.withLock { $0 }
            if ended { return }
            if last + idleTimeout <= .now() {
                task.fail(reason: IdleTimeout())
            } else {
                scheduleIdleCheck(task, on: eventLoop, at: last + idleTimeout)
            }
        }
    }

    private func touch() {
        activity.withLock { $0.last = .now() }
    }

    private func end(with ending: Ending) {
        activity.withLock { $0.ended = true }
        continuation.yield(ending)
        continuation.finish()
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        touch()
        reader.head(head)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        touch()
        if buffer.withUnsafeReadableBytes({ reader.body($0) }) {
            // The answer ended in this part: report it now and close the connection after this callback.
            end(with: .end)
            task.eventLoop.execute { task.cancel() }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        end(with: .failed(error))
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        end(with: .end)
    }
}
