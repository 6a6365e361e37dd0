/// Exit statuses, after BSD sysexits.h, so scripts and the bridge can tell failures apart.
public enum ExitCode: Int32 {
    case ok = 0
    /// A check that ran and found differences (`kaiqu replay --check`).
    case failure = 1
    /// EX_USAGE: a wrong option or argument.
    case usage = 64
    /// EX_DATAERR: a data file under intents/ (or an imported file) is wrong.
    case dataError = 65
    /// EX_NOINPUT: a named input file does not exist.
    case noInput = 66
    /// EX_SOFTWARE: a bug.
    case software = 70
    /// EX_CANTCREAT: the store cannot be opened or created.
    case cannotCreate = 73
    /// EX_IOERR
    case ioError = 74
}
