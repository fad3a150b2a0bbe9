import NIOCore

/// The connection's clocks: the preface must come within `prefaceTimeout`, a frame once started
/// must keep arriving within `frameTimeout`, and a connection idle for `idleTimeout` is closed.
/// Reads only note the time (`lastReadAt`); each check re-arms itself for the time left.
extension ServerConnectionHandler {
    func startTimers(context: ChannelHandlerContext) {
        lastReadAt = .now()
        startPrefaceTimer(context: context)
        if idleCheck == nil { scheduleIdleCheck(context: context) }
    }

    func startPrefaceTimer(context: ChannelHandlerContext) {
        guard prefaceTimer == nil else { return }
        prefaceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: router.configuration.prefaceTimeout) {
            self.logger.info("closing connection: no preface within the timeout")
            context.close(promise: nil)
        }
    }

    /// A peer that starts a frame and then sends nothing more for `frameTimeout` is closed, so a
    /// connection cannot be held open by a half-sent frame. Any new bytes restart the clock: the
    /// check, when it fires early, re-arms itself for the time left.
    func watchForStall(context: ChannelHandlerContext) {
        guard stallCheck == nil, byteCounts.hasPartialFrame, machine.state == .active || machine.state == .draining else { return }
        let timeout = router.configuration.frameTimeout
        stallCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: lastReadAt + timeout) {
            self.stallCheck = nil
            guard NIODeadline.now() >= self.lastReadAt + timeout else {
                self.watchForStall(context: context)
                return
            }
            guard self.byteCounts.hasPartialFrame, self.machine.state == .active || self.machine.state == .draining else { return }
            self.logger.info(
                "closing connection: stalled in the middle of a frame",
                metadata: ["pending_bytes": "\(self.byteCounts.received - self.byteCounts.consumed)", "timeout": "\(timeout.humanReadable)"]
            )
            self.byteCounts.settle()
            context.close(promise: nil)
        }
    }

    /// A connection that sends nothing for `idleTimeout` is closed (after a going-away notice)
    /// unless requests are in flight; the check runs again every `idleTimeout` after that.
    func scheduleIdleCheck(context: ChannelHandlerContext) {
        let timeout = router.configuration.idleTimeout
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: max(lastReadAt, idleFiredAt) + timeout) {
            self.idleCheck = nil
            guard self.machine.state != .closed else { return }
            let now = NIODeadline.now()
            if now >= max(self.lastReadAt, self.idleFiredAt) + timeout {
                self.idleFiredAt = now
                self.drain(self.machine.idleTimeoutFired(), reason: "idle timeout", context: context)
            }
            if self.machine.state != .closed { self.scheduleIdleCheck(context: context) }
        }
    }
}
