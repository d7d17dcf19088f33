using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Site.Web.Theme;

/// <summary>One theme file, published under a name that contains a hash of its content.</summary>
public sealed record FingerprintedAsset(string Source, string Original, string Published, byte[] Bytes);

/// <summary>
/// The theme's assets with content-hashed names (<c>/assets/css/site.css</c> is published as
/// <c>/_assets/css/site.1a2b3c4d5e.css</c>), so browsers may cache them for a year: a changed file gets a new
/// name. Templates ask for an asset by its original path with <c>{{ asset "/assets/css/site.css" }}</c>.
/// </summary>
public sealed class AssetManifest
{
    /// <summary>Folder under the output root that holds only fingerprinted, immutable files.</summary>
    public const string Folder = "_assets";

    private readonly FrozenDictionary<string, FingerprintedAsset> _byOriginal;

    private AssetManifest(IEnumerable<FingerprintedAsset> assets) =>
        _byOriginal = assets.ToFrozenDictionary(a => a.Original, StringComparer.Ordinal);

    public IEnumerable<FingerprintedAsset> Assets => _byOriginal.Values.OrderBy(a => a.Original, StringComparer.Ordinal);

    public static AssetManifest Load(SitePaths paths, Engine.Diagnostics.DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var folder = Path.Combine(paths.Theme, "assets");
        if (!Directory.Exists(folder))
        {
            return new AssetManifest([]);
        }

        var assets = SourceFiles.Enumerate(folder, paths.Theme, paths, diagnostics)
            .AsParallel()
            .Select(file =>
            {
                var bytes = File.ReadAllBytes(file);
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
                var extension = Path.GetExtension(relative);
                var published = $"/{Folder}/{relative[..^extension.Length]}.{hash}{extension}";
                return new FingerprintedAsset(paths.Display(file), "/assets/" + relative, published, bytes);
            })
            .ToList();
        return new AssetManifest(assets);
    }

    /// <summary>The published address of a theme asset, or null when the theme has no such file.</summary>
    public string? Resolve(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return _byOriginal.TryGetValue(original, out var asset) ? asset.Published : null;
    }

    public IEnumerable<string> Originals => _byOriginal.Keys;
}
