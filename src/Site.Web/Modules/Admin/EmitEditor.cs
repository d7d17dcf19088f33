using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Admin;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Modules.Admin;

/// <summary>
/// Writes the editor under <c>/admin/</c>: its page and script, Decap CMS's bundle (embedded in the program
/// from the npm package at the version package-lock.json pins) and <c>config.yml</c>, generated from the
/// content model by <see cref="EditorConfig"/>.
/// </summary>
public sealed class EmitEditor(ContentModel model, SiteSettings settings) : IModule
{
    /// <summary>The editor's folder in the output.</summary>
    public const string Folder = "admin";

    private const string ResourcePrefix = "admin/";

    // The embedded files never change while the program runs: read once, not on every rebuild of site serve.
    private static readonly Lazy<ImmutableArray<(string Path, byte[] Bytes)>> Files = new(() =>
    {
        var assembly = typeof(EmitEditor).Assembly;
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return (Folder + "/" + name[ResourcePrefix.Length..], bytes);
        })];
    });

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context) =>
        ValueTask.FromResult(documents
            .AddRange(Files.Value.Select(f => new Document(null, f.Path, "") { Bytes = f.Bytes }))
            .Add(new Document(null, Folder + "/config.yml", EditorConfig.Text(model, settings))));
}
