namespace OneStop.Feedback.Server.Access;

/// <summary>Roles of API tokens and dashboard accounts.</summary>
public static class Roles
{
    public const string Admin = "admin";
}
