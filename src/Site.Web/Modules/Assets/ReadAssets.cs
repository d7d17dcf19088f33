using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Web.Modules.Assets;

/// <summary>
/// Reads every file under an assets folder, to be copied below <c>/assets/</c>: as it is, except that a photo's
/// original is published without the metadata its camera wrote (<see cref="Images.PhotoMetadata"/>).
/// </summary>
public sealed class ReadAssets(string folder, SitePaths paths) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(documents);
        }

        var files = SourceFiles.Enumerate(folder, paths.Input, paths, context.Diagnostics).ToList();
        var read = new Document[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var bytes = File.ReadAllBytes(files[i]);
            if (Images.ImageKinds.IsResizable(files[i]))
            {
                bytes = Images.PhotoMetadata.Strip(bytes);
            }

            var relative = Path.GetRelativePath(folder, files[i]).Replace('\\', '/');
            read[i] = new Document(paths.Display(files[i]), "assets/" + relative, "") { Bytes = bytes };
        });
        return ValueTask.FromResult(documents.AddRange(read));
    }
}
