import NIOCore
import PrecisWire

/// The connection's clocks: the preface must come within `prefaceTimeout` of connecting, a frame
/// must be whole within `frameTimeout` of its first byte (a deadline for the whole frame, so a
/// peer dribbling a byte now and then cannot hold a connection), and a connection idle for
/// `idleTimeout` is closed. Reads only note the time; each check re-arms itself for the time left.
extension ServerConnectionHandler {
    func startTimers(context: ChannelHandlerContext) {
        lastReadAt = context.eventLoop.now
        startPrefaceTimer(context: context)
        if idleCheck == nil { scheduleIdleCheck(context: context) }
        if ageTimer == nil { scheduleMaxAge(context: context) }
    }

    /// At `maxConnectionAge` (jittered) the connection gets a going-away notice, as at shutdown
    /// but for this connection alone; what is still in flight `maxConnectionAgeGrace` later is
    /// cut off with the close.
    func scheduleMaxAge(context: ChannelHandlerContext) {
        guard let age = router.configuration.maxConnectionAge else { return }
        let jittered = TimeAmount.nanoseconds(Int64((Double(age.nanoseconds) * ageJitter).rounded()))
        ageTimer = context.eventLoop.assumeIsolated().scheduleTask(in: jittered) {
            guard self.machine.state == .active || self.machine.state == .awaitingPreface else { return }
            let grace = self.router.configuration.maxConnectionAgeGrace
            self.logger.debug("going away: the connection reached its maximum age", metadata: ["age": "\(jittered.humanReadable)"])
            self.drain(self.machine.beginDrain(), reason: "connection reached its maximum age", grace: grace, context: context)
            self.ageCloseTimer = context.eventLoop.assumeIsolated().scheduleTask(in: grace) {
                if !self.machine.inFlight.isEmpty {
                    self.logger.info(
                        "closing connection: requests still in flight at the end of its maximum-age grace",
                        metadata: ["in_flight": "\(self.machine.inFlight.count)"]
                    )
                }
                context.close(promise: nil)
            }
        }
    }

    func startPrefaceTimer(context: ChannelHandlerContext) {
        guard prefaceTimer == nil else { return }
        prefaceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: router.configuration.prefaceTimeout) {
            self.logger.info("closing connection: no preface within the timeout")
            context.close(promise: nil)
        }
    }

    /// A frame must be whole within `frameTimeout` of its first byte; otherwise the peer gets
    /// `Response{id 0, DEADLINE_EXCEEDED}` and the connection is closed. Time during which the
    /// server itself does not read (backpressure) does not count against the peer.
    func watchForStall(context: ChannelHandlerContext) {
        guard stallCheck == nil, let started = frameStartedAt, machine.state == .active || machine.state == .draining else {
            return
        }
        let timeout = router.configuration.frameTimeout
        stallCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: started + timeout) {
            self.stallCheck = nil
            guard let started = self.frameStartedAt, self.machine.state == .active || self.machine.state == .draining else {
                return
            }
            let now = context.eventLoop.now
            if self.machine.isReadPaused {
                self.frameStartedAt = now
            }
            guard now >= (self.frameStartedAt ?? started) + timeout else {
                self.watchForStall(context: context)
                return
            }
            self.logger.info(
                "closing connection: stalled in the middle of a frame",
                metadata: ["pending_bytes": "\(self.byteCounts.received - self.byteCounts.consumed)", "timeout": "\(timeout.humanReadable)"]
            )
            self.byteCounts.settle()
            self.inbound = nil
            let error = WireError(
                code: .deadlineExceeded,
                message: "frame not complete within \(timeout.humanReadable) of its first byte; closing the connection"
            )
            self.writeAndClose(Self.errorResponse(error), context: context)
        }
    }

    /// A connection that sends nothing for `idleTimeout` is closed (after a going-away notice)
    /// unless requests are in flight; the check runs again every `idleTimeout` after that.
    func scheduleIdleCheck(context: ChannelHandlerContext) {
        let timeout = router.configuration.idleTimeout
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: max(lastReadAt, idleFiredAt) + timeout) {
            self.idleCheck = nil
            guard self.machine.state != .closed else { return }
            let now = context.eventLoop.now
            if now >= max(self.lastReadAt, self.idleFiredAt) + timeout {
                self.idleFiredAt = now
                self.drain(self.machine.idleTimeoutFired(), reason: "idle timeout", context: context)
            }
            if self.machine.state != .closed { self.scheduleIdleCheck(context: context) }
        }
    }
}
