#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal in raw mode for the line editor and always puts it back.
final class RawMode {
    private var saved = termios()
    private let fd: Int32
    private(set) var active = false

    init(fd: Int32) { self.fd = fd }

    func enable() -> Bool {
        guard tcgetattr(fd, &saved) == 0 else { return false }
        var raw = saved
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        // Without ISIG, Ctrl-C arrives as a key: it clears the line instead of killing the chat.
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        active = tcsetattr(fd, TCSADRAIN, &raw) == 0
        return active
    }

    func disable() {
        if active { tcsetattr(fd, TCSADRAIN, &saved) }
        active = false
    }

    deinit { disable() }

    /// The terminal's width in columns (80 if it does not say).
    var columns: Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
