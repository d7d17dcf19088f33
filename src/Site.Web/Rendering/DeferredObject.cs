using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Site.Web.Rendering;

/// <summary>
/// A template object whose members are worked out the first time a template reads one: a card shown in a
/// list of 10,000 articles need not gather what refers to it unless a layout asks. Safe to share across threads.
/// </summary>
public sealed class DeferredObject(Action<ScriptObject> fill) : ScriptObject
{
    private readonly Lock _lock = new();
    private bool _filled;

    private void Fill()
    {
        if (Volatile.Read(ref _filled))
        {
            return;
        }

        lock (_lock)
        {
            if (!_filled)
            {
                fill(this);
                Volatile.Write(ref _filled, true);
            }
        }
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        Fill();
        return base.TryGetValue(context, span, member, out value!);
    }

    public override bool Contains(string member)
    {
        Fill();
        return base.Contains(member);
    }
}
