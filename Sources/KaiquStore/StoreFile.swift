import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's file on disk, made before SQLite opens it so that it is private from the
/// start: the folder 0700, the file 0600 (SQLite gives its -wal and -shm files the mode of
/// the database file).
enum StoreFile {
    /// Creates what is missing of `path`: the folders (reported as the outermost one made)
    /// and the file (`isNew`). Creating the file is atomic (O_EXCL), so of several processes
    /// starting at once exactly one reports it new, with the folders.
    static func create(_ path: String) throws(StoreError) -> (createdFolder: String?, isNew: Bool) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var createdFolder: String?
        if !FileManager.default.fileExists(atPath: folder) {
            var outermost = folder
            var parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
            while !FileManager.default.fileExists(atPath: parent), parent != "/" {
                outermost = parent
                parent = URL(fileURLWithPath: parent).deletingLastPathComponent().path
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotOpen(path: path, reason: error.localizedDescription)
            }
            createdFolder = outermost
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
            return (createdFolder, true)
        }
        guard errno == EEXIST else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        // Another process made the folder and the store a moment ago: it reports them.
        return (nil, false)
    }
}
