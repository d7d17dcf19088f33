using Site.Engine.Pipelines;

namespace Site.Engine.Modules;

/// <summary>
/// Writes each document into the output folder as soon as it is finished and drops its content, so a large
/// site does not hold every page in memory until the end. Writing goes to the build's staging folder, which
/// replaces the live output only if the whole build succeeds, so an early write is never visible on its own.
/// In <c>site serve</c>'s in-place rebuilds (<see cref="BuildContext.OutputIsLive"/>) each file is replaced whole.
/// <see cref="WriteFiles"/> still sees every destination and reports two documents claiming one.
/// </summary>
/// <param name="write">False for a build that writes nothing (<c>site check</c>): the content is only dropped.</param>
public sealed class WriteEarly(bool write) : PerDocumentModule
{
    /// <inheritdoc />
    protected override IEnumerable<Document> Execute(Document document, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Destination is null || document.Written || !OutputPaths.IsSafeRelative(document.Destination))
        {
            // An unsafe path stays unwritten, for WriteFiles to report with the others.
            yield return document;
            yield break;
        }

        if (write)
        {
            var path = Path.Combine(context.OutputRoot, document.Destination);
            context.EnsureFolder(Path.GetDirectoryName(path)!);
            WriteFiles.WriteOne(path, document, context.OutputIsLive);
        }

        yield return document with { Content = "", Bytes = null, Written = true };
    }
}
