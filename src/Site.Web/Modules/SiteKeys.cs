using Site.Engine;
using Site.Web.Rendering;

namespace Site.Web.Modules;

/// <summary>The values the site's modules share through the build context, each published by one module.</summary>
public static class SiteKeys
{
    /// <summary>Every published item and the cross-references pages need; published by IndexContent.</summary>
    public static readonly BuildKey<SiteIndex> Index = new("the site index");

    /// <summary>The clinic-wide book-now call to action; published by IndexContent.</summary>
    public static readonly BuildKey<BookingView> ClinicBooking = new("the clinic's booking call to action");

    /// <summary>The JSON-LD builder of this build; published by IndexContent.</summary>
    public static readonly BuildKey<StructuredData> StructuredData = new("the structured data builder");

    /// <summary>What every page's render depends on (site serve only); published by ComputeFingerprint.</summary>
    public static readonly BuildKey<string> Fingerprint = new("the site fingerprint");
}
