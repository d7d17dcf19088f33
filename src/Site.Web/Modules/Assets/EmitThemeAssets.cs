using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Theme;

namespace Site.Web.Modules.Assets;

/// <summary>Emits the theme's assets under their fingerprinted names.</summary>
public sealed class EmitThemeAssets(AssetManifest manifest) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context) =>
        ValueTask.FromResult(documents.AddRange(manifest.Assets.Select(a => new Document(a.Source, a.Published.TrimStart('/'), "") { Bytes = a.Bytes })));
}
