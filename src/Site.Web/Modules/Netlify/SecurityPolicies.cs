namespace Site.Web.Modules.Netlify;

/// <summary>
/// The two Content-Security-Policies the generated <c>_headers</c> gives. Netlify applies every rule that matches a
/// path and sends both policies when two set one, and a browser then enforces both: so <c>/*</c> carries the
/// editor's policy, every path the build writes outside <c>/admin/</c> carries the site's strict one as well
/// (the stricter wins there), and <c>/admin/</c> is left with the editor's alone.
/// </summary>
public static class SecurityPolicies
{
    /// <summary>Every page of the site: only the site's own files, no inline script or style, never framed.</summary>
    public const string Site = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The editor (Decap CMS) at /admin/: its bundle compiles its configuration validator at run time
    /// (<c>'unsafe-eval'</c>) and injects its styles (<c>'unsafe-inline'</c>); it talks to GitHub's API and
    /// Netlify's sign-in, and shows pictures from <c>blob:</c> addresses. Scripts still come only from the site.
    /// </summary>
    public const string Editor = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self'; connect-src 'self' blob: https://api.github.com https://www.githubstatus.com https://api.netlify.com; frame-src 'self' blob:; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
}
