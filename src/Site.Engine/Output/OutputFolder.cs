using System.Runtime.InteropServices;

namespace Site.Engine;

/// <summary>
/// Builds into a fresh folder beside the target and swaps it in only when the build succeeded, so a failed
/// build leaves the last good site untouched. Only folders this class created, or that carry its marker,
/// are ever deleted.
/// </summary>
/// <remarks>
/// <para>
/// The swap is one system call on Linux: <c>renameat2(RENAME_EXCHANGE)</c> trades the names of the new folder
/// and the published one, so at every instant the target path is a complete site, old or new, even if the
/// process is killed. The old site then sits under the staging name and is deleted; if that deletion is
/// interrupted, the next build removes it. Where the kernel or file system cannot exchange (another system, or
/// a file system without support), two renames are used instead and the next build restores the old site if a
/// kill fell between them.
/// </para>
/// <para>
/// Builds into one folder are serialized by a lock file beside it (<c>.NAME.lock</c>), held with an exclusive
/// OS lock (flock) that the kernel releases when the process dies, so a killed build never leaves a stale lock.
/// </para>
/// </remarks>
public sealed partial class OutputFolder : IDisposable
{
    /// <summary>Name of the marker file that identifies a folder written by a build.</summary>
    public const string MarkerName = ".site-output";

    private readonly IDisposable _lock;

    private OutputFolder(string target, string staging, IDisposable held)
    {
        Target = target;
        Staging = staging;
        _lock = held;
    }

    /// <summary>The folder the site ends up in.</summary>
    public string Target { get; }

    /// <summary>The temporary folder being built into.</summary>
    public string Staging { get; }

    /// <summary>True when the last <see cref="Commit"/> swapped the folders in one atomic exchange.</summary>
    public bool Exchanged { get; private set; }

    /// <summary>
    /// Checks that <paramref name="target"/> may be replaced, waits for any other build into it to finish,
    /// removes what interrupted builds left behind, and creates a staging folder beside it.
    /// Returns the reason for refusing, or <see langword="null"/> and the folder (which must be disposed).
    /// IO failures are returned as reasons naming the path and the cause, never thrown.
    /// </summary>
    /// <param name="target">The output folder.</param>
    /// <param name="protectedFolders">Folders that must never be the output or inside it (sources, repository root).</param>
    /// <param name="folder">The prepared folder, when allowed.</param>
    /// <param name="wait">How long to wait for another build into the same folder; default 60 seconds.</param>
    public static string? TryPrepare(string target, IEnumerable<string> protectedFolders, out OutputFolder? folder, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(protectedFolders);
        folder = null;
        if (string.IsNullOrWhiteSpace(target))
        {
            return "No output folder was given; pass a folder name such as 'output'.";
        }

        string full;
        try
        {
            full = Normalize(target);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"The output folder '{target}' is not a usable path: {ex.Message}";
        }

        foreach (var guarded in protectedFolders.Select(Normalize))
        {
            if (IsSameOrAncestor(full, guarded))
            {
                return full == guarded
                    ? $"The output folder '{target}' is '{guarded}', which holds sources; choose a separate folder such as 'output'."
                    : $"The output folder '{target}' contains '{guarded}'; building there would replace your sources. Choose a separate folder such as 'output'.";
            }
        }

        var parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return $"The output folder '{target}' is the root of the file system; choose a folder such as 'output'.";
        }

        IDisposable? held = null;
        try
        {
            if (new FileInfo(full).LinkTarget is { } link)
            {
                // The swap would trade the link itself, and deleting the old site would empty the folder it
                // points to (a live web root, perhaps): build into a real folder instead.
                return $"The output folder '{target}' is a link to '{link}'; the build replaces its output folder as a whole, so it will not build into a link. Build into a real folder and copy or link from there.";
            }

            if (File.Exists(full))
            {
                return $"The output folder '{target}' is a file, not a folder; remove it or choose another name.";
            }

            Directory.CreateDirectory(parent);
            held = Lock(Path.Combine(parent, $".{Path.GetFileName(full)}.lock"), wait ?? TimeSpan.FromSeconds(60));
            if (held is null)
            {
                return $"Another build is writing to '{target}' and did not finish within {(wait ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} seconds; wait for it or choose another output folder.";
            }

            RecoverAndClean(full);
            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerName)))
            {
                held.Dispose();
                return $"The output folder '{target}' already holds files that a site build did not write; it will not be replaced. Empty it or choose another folder.";
            }

            var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.building-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, MarkerName), "Written by site build; the whole folder is replaced on each build.\n");
            folder = new OutputFolder(full, staging, held);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            held?.Dispose();
            return $"Could not prepare the output folder '{target}': {ex.Message}";
        }
    }

    /// <summary>
    /// Takes the lock on <paramref name="target"/> for a build that writes into it in place (<c>site serve</c>'s
    /// rebuilds), so a <c>site build</c> into the same folder waits for it. Returns the reason when it could not.
    /// </summary>
    public static string? TryLock(string target, out IDisposable? held, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        held = null;
        try
        {
            var full = Normalize(target);
            var parent = Path.GetDirectoryName(full) ?? full;
            held = Lock(Path.Combine(parent, $".{Path.GetFileName(full)}.lock"), wait ?? TimeSpan.FromSeconds(60));
            return held is null ? $"Another build is writing to '{target}' and did not finish in time; wait for it or choose another output folder." : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"Could not lock the output folder '{target}': {ex.Message}";
        }
    }

    /// <summary>
    /// Replaces the target with the staging folder. Returns <see langword="null"/> when the new site is in place,
    /// or why it is not (the target is then exactly as it was). A failure to delete the old site afterwards is
    /// not a failure of the publish: it is returned through <paramref name="leftover"/> and cleaned next time.
    /// </summary>
    public string? Commit(out string? leftover)
    {
        leftover = null;
        try
        {
            if (!Directory.Exists(Target))
            {
                Directory.Move(Staging, Target);
                return null;
            }

            var old = Staging;
            if (TryExchange(Staging, Target))
            {
                Exchanged = true; // the old site now lives at the staging path
            }
            else
            {
                old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
                Directory.Move(Target, old);
                try
                {
                    Directory.Move(Staging, Target);
                }
                catch
                {
                    Directory.Move(old, Target);
                    throw;
                }
            }

            try
            {
                DeleteMarked(old);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                leftover = $"The new site is in place, but the previous one at '{old}' could not be deleted ({ex.Message}); the next build will try again.";
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"Could not put the new site in place at '{Target}': {ex.Message}";
        }
    }

    /// <summary>Deletes the staging folder; the target is left as it was. Never throws for IO failures.</summary>
    public void Abandon()
    {
        try
        {
            if (Directory.Exists(Staging))
            {
                DeleteMarked(Staging);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next build to remove.
        }
    }

    /// <summary>Releases the lock on the output folder.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// After a kill: if the target is missing but a marked old copy exists (a kill between the two renames of
    /// the fallback), that copy is put back first; then every marked leftover beside the target is deleted.
    /// Called only while holding the lock, so no other build's staging folder can be among them.
    /// </summary>
    private static void RecoverAndClean(string full)
    {
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*")
            .Where(d => Path.GetFileName(d) is var n && (n.StartsWith($".{name}.building-", StringComparison.Ordinal) || n.StartsWith($".{name}.old-", StringComparison.Ordinal)))
            .Where(d => File.Exists(Path.Combine(d, MarkerName)) || !Directory.EnumerateFileSystemEntries(d).Any())
            .ToList();
        if (!Directory.Exists(full) && leftovers.FirstOrDefault(d => Path.GetFileName(d).StartsWith($".{name}.old-", StringComparison.Ordinal)) is { } previous)
        {
            Directory.Move(previous, full);
            leftovers.Remove(previous);
        }

        foreach (var leftover in leftovers)
        {
            try
            {
                DeleteMarked(leftover);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover that cannot go yet (something is mounted in it, a file is locked) is not this build's
                // concern: it is tried again next time and never blocks publishing.
            }
        }
    }

    /// <summary>
    /// Deletes a build's folder with its marker last, so a kill part-way through leaves a folder that is still
    /// recognisably a build's and is removed by the next build.
    /// </summary>
    private static void DeleteMarked(string folder)
    {
        if (new FileInfo(folder).LinkTarget is not null)
        {
            File.Delete(folder); // a link: remove the link, never what it points to
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).ToList())
        {
            if (Path.GetFileName(entry) == MarkerName)
            {
                continue;
            }

            if (new FileInfo(entry).LinkTarget is null && Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static IDisposable? Lock(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere, .NET's own exclusive sharing mode serves as the lock.
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (File.Exists(path) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
            }
        }

        // The file is opened and locked with the system calls themselves (open, flock with LOCK_EX | LOCK_NB):
        // .NET's FileStream takes a lock of its own on open, which would hide contention behind a generic error.
        // Contention (EWOULDBLOCK) is waited out; anything else, such as a read-only file system, is thrown.
        var descriptor = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, 0b110_100_100);
        if (descriptor < 0)
        {
            throw new IOException($"{Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())} : '{path}'");
        }

        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: true);
        while (Flock(handle, LockExclusive | LockNonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != EWOULDBLOCK || DateTime.UtcNow >= deadline)
            {
                handle.Dispose();
                return error == EWOULDBLOCK ? null : throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)} : '{path}'");
            }

            Thread.Sleep(50);
        }

        return handle;
    }

    private static bool TryExchange(string from, string to)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (Renameat2(AtCurrentDirectory, from, AtCurrentDirectory, to, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is ENOSYS or EINVAL)
        {
            return false; // the kernel or this file system cannot exchange: fall back to two renames
        }

        throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)} : '{to}'");
    }

    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EWOULDBLOCK = 11;
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int ENOSYS = 38;
    private const int EINVAL = 22;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);

    /// <summary>
    /// Puts a file that never changes (a build cache's, named by its content) at <paramref name="target"/>: as a
    /// second name for the same bytes where the file system allows (nothing is copied), or as a copy. The target's
    /// folder must exist; an existing target is replaced.
    /// </summary>
    public static void LinkOrCopy(string source, string target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (OperatingSystem.IsLinux())
        {
            File.Delete(target);
            if (Link(source, target) == 0)
            {
                return;
            }
        }

        File.Copy(source, target, overwrite: true);
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(Microsoft.Win32.SafeHandles.SafeFileHandle file, int operation);

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsSameOrAncestor(string candidate, string path) =>
        path == candidate || path.StartsWith(candidate + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
