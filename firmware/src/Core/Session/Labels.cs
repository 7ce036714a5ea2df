using OneStop.Feedback.Firmware.Core.Protocol;

namespace OneStop.Feedback.Firmware.Core.Session
{
    /// <summary>Built-in prompts for the criteria and follow-up steps, in Vietnamese or English.</summary>
    public static class Labels
    {
        public static string CriterionQuestion(int index, string language)
        {
            bool en = language == "en";
            switch (index)
            {
                case Criterion.Listen: return en ? "Did the officer listen to you?" : "Cán bộ có biết lắng nghe?";
                case Criterion.Explain: return en ? "Did the officer explain clearly?" : "Cán bộ có giải thích dễ hiểu?";
                case Criterion.Trust: return en ? "Did the officer earn your trust?" : "Cán bộ có làm ông/bà tin tưởng?";
                case Criterion.Apologize: return en ? "Did the officer apologise when needed?" : "Cán bộ có biết xin lỗi?";
                default: return en ? "Did the officer thank you?" : "Cán bộ có biết cảm ơn?";
            }
        }

        public static string FollowUpQuestion(string language) => language == "en"
            ? "What was missing? 1 listen 2 explain 3 trust 4 apologise 5 thank"
            : "Điều gì chưa tốt? 1 nghe 2 nói 3 tin 4 xin lỗi 5 cảm ơn";
    }
}
