using System.Collections.Immutable;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;

namespace Site.Web.Modules.Parsing;

/// <summary>
/// Leaves out drafts of any kind (unless drafts are wanted) and items dated after today (kinds with a date_field) in the clinic's time zone
/// (unless future articles are wanted), and says when the next scheduled article goes live.
/// </summary>
public sealed class FilterPublished(DateOnly today, bool includeDrafts, bool includeFuture) : IModule
{
    /// <summary>Where the items left out for a later date are gathered, for the build report.</summary>
    public System.Collections.Concurrent.ConcurrentBag<ContentItem>? Scheduled { get; init; }

    /// <summary>Whether this filter keeps the document: not an item, or an item published by today.</summary>
    public bool Keeps(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Model is not ContentItem item || ((includeDrafts || !item.Draft) && (includeFuture || !(item.PublishedOn > today)));
    }

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kept = documents.Where(Keeps).ToImmutableArray();

        if (Scheduled is not null && !includeFuture)
        {
            foreach (var item in documents.Select(d => d.Model).OfType<ContentItem>().Where(a => a.PublishedOn > today && !a.Draft))
            {
                Scheduled.Add(item);
            }
        }

        var next = documents.Select(d => d.Model).OfType<ContentItem>()
            .Where(a => a.PublishedOn > today && !a.Draft)
            .OrderBy(a => a.PublishedOn).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
        if (next is not null && !includeFuture)
        {
            context.Diagnostics.Add(new Diagnostic(
                DiagnosticIds.NextScheduled,
                Severity.Info,
                next.FrontMatter with { Line = 0, Column = 0 },
                $"'{next.Title}' is scheduled for {next.PublishedOn:yyyy-MM-dd} and is not published yet."));
        }

        return ValueTask.FromResult(kept);
    }
}
