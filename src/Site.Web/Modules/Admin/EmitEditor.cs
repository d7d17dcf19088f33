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

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        var result = documents.ToBuilder();
        var assembly = typeof(EmitEditor).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            result.Add(new Document(null, Folder + "/" + name[ResourcePrefix.Length..], "") { Bytes = bytes });
        }

        result.Add(new Document(null, Folder + "/config.yml", EditorConfig.Text(model, settings)));
        return ValueTask.FromResult(result.ToImmutable());
    }
}
