using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Pipelines;

namespace Site.Web.Modules.Assets;

/// <summary>Reads every file under an assets folder, to be copied as it is below <c>/assets/</c>.</summary>
/// <param name="skip">Files published another way: photos, which <see cref="EncodeImages"/> publishes without their metadata.</param>
public sealed class ReadAssets(string folder, SitePaths paths, Func<string, bool>? skip = null) : IModule
{
    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Directory.Exists(folder))
        {
            return ValueTask.FromResult(documents);
        }

        var files = SourceFiles.Enumerate(folder, paths.Input, paths, context.Diagnostics).Where(f => skip is null || !skip(f)).ToList();
        var read = new Document[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var bytes = File.ReadAllBytes(files[i]);

            var relative = Path.GetRelativePath(folder, files[i]).Replace('\\', '/');
            read[i] = new Document(paths.Display(files[i]), "assets/" + relative, "") { Bytes = bytes };
        });
        return ValueTask.FromResult(documents.AddRange(read));
    }
}
