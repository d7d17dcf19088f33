using System.Net;
using System.Net.Sockets;

namespace Site.Tests.Shared;

/// <summary>Helpers every test project needs: the repository's own files, copies of them, a free port.</summary>
internal static class TestFiles
{
    /// <summary>The folder that holds Site.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Copies a folder of the repository (input, theme...) to <paramref name="to"/>.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Copies the sample site's input/ and theme/ into <paramref name="root"/>.</summary>
    public static void CopySample(string root)
    {
        foreach (var folder in new[] { "input", "theme" })
        {
            CopyFolder(Path.Combine(RepositoryRoot, folder), Path.Combine(root, folder));
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }
}
