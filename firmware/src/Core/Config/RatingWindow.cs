using OneStop.Feedback.Firmware.Core.Text;

namespace OneStop.Feedback.Firmware.Core.Config
{
    /// <summary>A window message: the server saw a service event at this counter and invites a rating.</summary>
    public sealed class RatingWindow
    {
        public const int MaxDossierLength = 64;

        private RatingWindow(int seconds, string dossier)
        {
            Seconds = seconds;
            Dossier = dossier;
        }

        public int Seconds { get; }

        /// <summary>The dossier code ("HS-..."), or null when the server did not send one.</summary>
        public string Dossier { get; }

        /// <summary>Parses <c>{"v":1,"seconds":120,"dossier":"HS-..."}</c>; null when invalid. Unknown fields are ignored.</summary>
        public static RatingWindow Parse(byte[] payload)
        {
            if (payload == null || payload.Length > ConfigParser.MaxPayloadBytes)
            {
                return null;
            }
            JsonValue root = JsonParser.Parse(payload, 0, payload.Length);
            if (root == null || root.Kind != JsonValue.KindObject || !ConfigParser.IsVersion1(root))
            {
                return null;
            }
            JsonValue seconds = root.Member("seconds");
            if (seconds == null || !ConfigParser.Integer(seconds, 1, ConfigParser.MaxSeconds, out long n))
            {
                return null;
            }
            JsonValue dossier = root.Member("dossier");
            if (dossier != null && (dossier.Kind != JsonValue.KindString || dossier.Text.Length > MaxDossierLength))
            {
                return null;
            }
            return new RatingWindow((int)n, dossier?.Text);
        }
    }
}
