using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Site.Engine;
using Site.Engine.Pipelines;
using Site.Web.Rendering;

namespace Site.Web.Modules.Html;

/// <summary>
/// The fingerprint every page shares: the inputs of the whole build (settings, theme, assets, options, the
/// day) and, for every published item, its front matter and reading time. A page's render depends on other
/// items only through these (cards, lists, related articles, reading times); its own body is added per page.
/// </summary>
public sealed class SiteFingerprint(string inputs, CaptureIndex captured) : IModule
{
    public string Value { get; private set; } = "";

    public ValueTask<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> documents, BuildContext context)
    {
        var index = captured.Index;
        var text = new StringBuilder(inputs);
        foreach (var item in index.Items)
        {
            var words = item.Metadata.TryGetValue(MetadataKeys.WordCount, out var count) ? (int)count : 0;
            text.Append('\n').Append(item.Source).Append('\n').Append(item.Get<string>(MetadataKeys.FrontMatter)).Append('\n').Append(Views.Minutes(words));
        }

        Value = Hash(Encoding.UTF8.GetBytes(text.ToString()));
        return ValueTask.FromResult(documents);
    }

    /// <summary>The page's own part: its destination and, for a content page, its rendered body.</summary>
    public string Of(Document page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var body = page.Get<byte[]>(MetadataKeys.Body);
        return Value + "|" + page.Destination + "|" + (body is null ? "" : Hash(body));
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
