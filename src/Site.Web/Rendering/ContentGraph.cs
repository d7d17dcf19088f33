using System.Collections.Frozen;
using System.Collections.Immutable;
using Site.Engine;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Web.Rendering;

/// <summary>
/// Every published item by kind and id, and the references between them in both directions, read from the
/// content model's reference fields: what a page of any kind needs to show what it links to and what links to it.
/// </summary>
public sealed class ContentGraph
{
    // Plain dictionaries: a graph lives for one build, and freezing analyses every key, which costs more than its
    // faster lookups save (measured at each save of site serve at 10,000 articles).
    private readonly FrozenDictionary<string, ImmutableArray<Document>> _byKind;
    private readonly Dictionary<(string Kind, string Id), Document> _byId;
    private readonly Dictionary<(string Kind, string Id), ImmutableArray<(FieldDefinition Field, Document Item)>> _referencedBy;

    public ContentGraph(IEnumerable<Document> items)
    {
        var all = items.Where(d => d.Model is ContentItem).ToList();
        _byKind = all.GroupBy(d => Item(d).KindName, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => Sorted(g), StringComparer.Ordinal);
        _byId = all.ToDictionary(d => (Item(d).KindName, Item(d).Slug));
        _referencedBy = all
            .SelectMany(d => Item(d).Kind.Fields.Where(f => f.IsReference).SelectMany(f => Targets(Item(d), f).Select(id => (Key: (f.To!, id), Field: f, Item: d))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.Field, x.Item)).ToImmutableArray());
    }

    public static ContentItem Item(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (ContentItem)document.Model!;
    }

    /// <summary>The items of one kind: newest first when the kind has a publication date, else by title.</summary>
    public ImmutableArray<Document> ItemsOf(string kind) => _byKind.GetValueOrDefault(kind, []);

    public Document? Find(string kind, string id) => _byId.GetValueOrDefault((kind, id));

    /// <summary>Every item that names this one in a reference field, with that field.</summary>
    public ImmutableArray<(FieldDefinition Field, Document Item)> ReferencesTo(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _referencedBy.GetValueOrDefault((item.KindName, item.Slug), []);
    }

    /// <summary>How many of the newest items sharing one value are considered as related.</summary>
    private const int CandidatesPerValue = 30;

    private RelatedIndex? _related;

    /// <summary>
    /// The items of the same kind related to this one by the kind's <c>related:</c> rule: those sharing the most
    /// weighted values, newest first among equals. Candidates are the newest few sharing each value, so the
    /// cost does not grow with the size of the archive.
    /// </summary>
    public ImmutableArray<Document> Related(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind.Related is null)
        {
            return [];
        }

        var related = LazyInitializer.EnsureInitialized(ref _related, () => new RelatedIndex(_byKind));
        return related.Of(item);
    }

    /// <summary>
    /// What finding related items needs, worked out once per build: for each kind with a related rule, its
    /// items by position (newest first), each item's values per weighted field, and the positions of the
    /// items having each value. Scoring then compares small arrays instead of looking fields up.
    /// </summary>
    private sealed class RelatedIndex
    {
        private readonly Dictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

        public RelatedIndex(FrozenDictionary<string, ImmutableArray<Document>> byKind)
        {
            foreach (var (name, documents) in byKind)
            {
                if (documents.IsEmpty || Item(documents[0]).Kind.Related is not { } rule)
                {
                    continue;
                }

                var kind = new Kind(rule, documents);
                for (var i = 0; i < documents.Length; i++)
                {
                    var item = Item(documents[i]);
                    kind.Positions[item.Slug] = i;
                    kind.Values[i] = new string[rule.Weights.Length][];
                    for (var w = 0; w < rule.Weights.Length; w++)
                    {
                        var field = rule.Weights[w].Field;
                        var taxonomy = item.Kind.Field(field)?.Taxonomy == true;
                        var values = item.ItemsOf(field);
                        var own = new string[values.Length];
                        for (var v = 0; v < values.Length; v++)
                        {
                            own[v] = values[v].Value;
                        }

                        kind.Values[i][w] = own;
                        foreach (var key in own.Select(v => taxonomy ? ContentUrls.Slugify(v) : v).Distinct(StringComparer.Ordinal))
                        {
                            if (!kind.Having[w].TryGetValue(key, out var list))
                            {
                                kind.Having[w][key] = list = [];
                            }

                            list.Add(i);
                        }
                    }
                }

                _kinds[name] = kind;
            }
        }

        public ImmutableArray<Document> Of(ContentItem item)
        {
            if (!_kinds.TryGetValue(item.KindName, out var kind) || !kind.Positions.TryGetValue(item.Slug, out var self))
            {
                return [];
            }

            var weights = kind.Rule.Weights;
            var own = new HashSet<string>[weights.Length];
            var candidates = new HashSet<int>();
            for (var w = 0; w < weights.Length; w++)
            {
                own[w] = new HashSet<string>(kind.Values[self][w], StringComparer.Ordinal);
                var taxonomy = item.Kind.Field(weights[w].Field)?.Taxonomy == true;
                foreach (var value in own[w])
                {
                    if (kind.Having[w].TryGetValue(taxonomy ? ContentUrls.Slugify(value) : value, out var having))
                    {
                        candidates.UnionWith(having.Take(CandidatesPerValue));
                    }
                }
            }

            candidates.Remove(self);
            var scored = new List<(int Position, int Score)>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var score = 0;
                for (var w = 0; w < weights.Length; w++)
                {
                    foreach (var value in kind.Values[candidate][w])
                    {
                        if (own[w].Contains(value))
                        {
                            score += weights[w].Weight;
                        }
                    }
                }

                scored.Add((candidate, score));
            }

            // Highest score first; among equals the newest, then by id, as the kind's order already is newest first.
            return [.. scored
                .OrderByDescending(c => c.Score)
                .ThenByDescending(c => Item(kind.Documents[c.Position]).PublishedOn)
                .ThenBy(c => Item(kind.Documents[c.Position]).Slug, StringComparer.Ordinal)
                .Take(kind.Rule.Count)
                .Select(c => kind.Documents[c.Position])];
        }

        private sealed class Kind(RelatedRule rule, ImmutableArray<Document> documents)
        {
            public RelatedRule Rule { get; } = rule;

            public ImmutableArray<Document> Documents { get; } = documents;

            public Dictionary<string, int> Positions { get; } = new(StringComparer.Ordinal);

            public string[][][] Values { get; } = new string[documents.Length][][];

            public Dictionary<string, List<int>>[] Having { get; } = [.. rule.Weights.Select(_ => new Dictionary<string, List<int>>(StringComparer.Ordinal))];
        }
    }

    /// <summary>Who wrote the item, through its kind's <c>author_field</c>; null when it has none.</summary>
    public ContentItem? AuthorOf(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind.AuthorField is { } field && item.Kind.Field(field)?.To is { } kind && item.ReferenceOf(field) is { } id
            ? Find(kind, id.Value)?.Model as ContentItem
            : null;
    }

    /// <summary>The ids a reference field of an item names.</summary>
    public static IEnumerable<string> Targets(ContentItem item, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.Reference
            ? item.ReferenceOf(field.Name) is { } one ? [one.Value] : []
            : item.ItemsOf(field.Name).Select(r => r.Value);
    }

    private static ImmutableArray<Document> Sorted(IEnumerable<Document> documents)
    {
        var list = documents.ToList();
        return list.Count > 0 && Item(list[0]).Kind.DateField is not null
            ? [.. list.OrderByDescending(d => Item(d).PublishedOn).ThenBy(d => Item(d).Title, StringComparer.Ordinal)]
            : [.. list.OrderBy(d => Item(d).Title, StringComparer.Ordinal)];
    }
}
