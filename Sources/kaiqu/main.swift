import Foundation
import KaiquCLI

exit(Kaiqu.main(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment))
