namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Route-level authorization. The default policy (any signed-in role) guards routes whose handlers narrow the
/// answer to the caller's <see cref="Dashboard.Access.AccessScope"/>; <see cref="Reader"/> is for whole-organisation
/// reads; <see cref="Admin"/> for every write to terminals, organisation, shifts, dossiers and accounts.
/// </summary>
public static class AccessPolicies
{
    public const string Admin = "admin";
    public const string Reader = "reader";
}
