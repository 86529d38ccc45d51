// The article generator behind claimlint-gen-corpus and the
// microbenchmarks; see corpus_gen.h. Every sentence is built from the
// templates and word lists below, written for this project.

#include "corpus_gen.h"

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimlint::bench {
namespace {

using Words = std::span<const std::string_view>;

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and fully specified, so
// the corpus does not depend on the standard library's distributions.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for text generation; n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // In [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return static_cast<int>(Below(1000)) < per_mille; }
  std::string_view Pick(Words words) { return words[Below(words.size())]; }

 private:
  uint64_t state_;
};

// Mixes a seed and an index into an independent stream seed.
uint64_t StreamSeed(uint64_t seed, uint64_t index, uint64_t salt) {
  Rng mix(seed ^ (index * 0xd1342543de82ef95ULL) ^ (salt << 48));
  mix.Next();
  return mix.Next();
}

// ---------------------------------------------------------------------------
// Word lists shared by every topic.

constexpr std::string_view kFirstNames[] = {
    "Maya",  "Jordan", "Priya",  "Lucas", "Elena", "Marcus", "Sofia", "Noah",  "Aisha", "Ben",
    "Chloé", "Diego",  "Hannah", "Kenji", "Lena",  "Omar",   "Rosa",  "Tessa", "Zoë",   "Mateo",
    "Grace", "Ilse",   "Amara",  "Felix", "Renée", "Sam",    "Yusuf", "Nadia"};
constexpr std::string_view kLastNames[] = {
    "Alvarez", "Brooks", "Chen",     "Dubois",   "Evans",  "Fischer", "García",  "Hughes",
    "Ito",     "Jensen", "Kowalski", "Larsen",   "Moreau", "Novak",   "O’Neill", "Patel",
    "Quinn",   "Rossi",  "Schäfer",  "Thompson", "Nguyen", "Walsh",   "Yılmaz",  "Zimmer"};
constexpr std::string_view kCities[] = {
    "Portland", "Austin",     "Asheville", "Boulder",   "Santa Fe",    "Burlington", "Madison",
    "Savannah", "Tucson",     "Sedona",    "Montréal",  "Québec City", "San José",   "Eugene",
    "Duluth",   "Charleston", "Missoula",  "Ann Arbor", "Ithaca",      "Bend"};
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
constexpr std::string_view kSeasons[] = {"spring", "summer",         "autumn",
                                         "winter", "holiday season", "back-to-school season"};
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kDurations[] = {"30 minutes", "45 minutes", "an hour",   "60 minutes",
                                           "75 minutes", "90 minutes", "two hours", "half an hour"};
constexpr std::string_view kFeelings[] = {"relaxed", "refreshed", "calm",     "loose",
                                          "rested",  "grounded",  "lighter",  "clear-headed",
                                          "sleepy",  "energized", "centered", "pampered"};
constexpr std::string_view kAdjectives[] = {"quiet",      "cozy",         "bright", "warm",
                                            "friendly",   "spacious",     "simple", "gentle",
                                            "thoughtful", "peaceful",     "airy",   "welcoming",
                                            "unhurried",  "light-filled", "tidy",   "modern"};
constexpr std::string_view kBodyParts[] = {"shoulders",  "lower back", "neck",   "hips",   "feet",
                                           "calves",     "upper back", "jaw",    "hands",  "scalp",
                                           "hamstrings", "forearms",   "glutes", "IT band"};
constexpr std::string_view kConditions[] = {"sciatica",
                                            "lower back pain",
                                            "tension headaches",
                                            "neck stiffness",
                                            "insomnia",
                                            "anxiety",
                                            "plantar fasciitis",
                                            "fibromyalgia",
                                            "arthritis",
                                            "migraines",
                                            "carpal tunnel syndrome",
                                            "chronic fatigue",
                                            "poor circulation",
                                            "bloating",
                                            "eczema",
                                            "high blood pressure",
                                            "depression",
                                            "joint pain",
                                            "acid reflux",
                                            "brain fog"};
constexpr std::string_view kIngredients[] = {"turmeric",
                                             "ashwagandha",
                                             "magnesium glycinate",
                                             "lavender",
                                             "eucalyptus",
                                             "peppermint oil",
                                             "arnica",
                                             "CBD isolate",
                                             "full-spectrum hemp extract",
                                             "vitamin D3",
                                             "omega-3 fish oil",
                                             "elderberry",
                                             "collagen peptides",
                                             "activated charcoal",
                                             "apple cider vinegar",
                                             "matcha",
                                             "chamomile",
                                             "rhodiola",
                                             "spirulina",
                                             "Himalayan pink salt",
                                             "frankincense",
                                             "ginger",
                                             "holy basil",
                                             "reishi mushroom"};
constexpr std::string_view kEmoji[] = {"🌿", "💆", "✨", "🧘", "💚", "🌸",
                                       "☕", "🙌", "😊", "🌞",    "🍃", "💧"};
// Foods with accents, for "the {accent} recipe" and "the {accent} shop".
constexpr std::string_view kAccented[] = {
    "crème brûlée", "soufflé",      "jalapeño", "açaí bowl",   "crêpe",         "pâté",
    "purée",        "café au lait", "rösti",    "smörgåsbord", "tarte flambée", "piña colada"};
constexpr std::string_view kTeas[] = {"chamomile", "ginger",     "holy basil", "peppermint",
                                      "rooibos",   "lemon balm", "tulsi",      "hibiscus"};
constexpr std::string_view kJournals[] = {"the Journal of Bodywork and Movement Therapies",
                                          "Complementary Therapies in Medicine",
                                          "the Journal of Pain Research",
                                          "BMC Complementary Medicine",
                                          "the International Journal of Therapeutic Massage",
                                          "Sleep Health",
                                          "Nutrients",
                                          "the Journal of Integrative Medicine"};
constexpr std::string_view kSiteFirst[] = {
    "Willow", "Cedar",         "Lotus",      "Harbor",     "Sage",  "Juniper",     "Meadow",
    "River",  "Stone",         "Golden",     "Blue Ridge", "Maple", "Evergreen",   "Saltwater",
    "Birch",  "Lavender Hill", "North Star", "Tidewater",  "Aspen", "Olive Branch"};
constexpr std::string_view kPhonePrefixes[] = {"(555) 013-", "(555) 014-", "(555) 017-",
                                               "(555) 019-"};

// ---------------------------------------------------------------------------
// Topics: each has its own services, practitioners, places and products.

struct Topic {
  std::string_view name;
  Words site_kinds;  // "Day Spa", for site names
  Words services;
  Words pros;
  Words places;
  Words products;
};

constexpr std::string_view kMassageSiteKinds[] = {"Massage Studio", "Bodywork",
                                                  "Massage & Wellness", "Healing Arts"};
constexpr std::string_view kMassageServices[] = {"massage",
                                                 "deep tissue massage",
                                                 "Swedish massage",
                                                 "hot stone massage",
                                                 "sports massage",
                                                 "prenatal massage",
                                                 "lymphatic drainage massage",
                                                 "couples massage",
                                                 "trigger point therapy",
                                                 "Thai massage"};
constexpr std::string_view kMassagePros[] = {"massage therapist", "therapist",
                                             "licensed massage therapist", "bodyworker"};
constexpr std::string_view kMassagePlaces[] = {"studio", "treatment room", "clinic"};
constexpr std::string_view kMassageProducts[] = {"massage oil", "muscle rub", "foam roller",
                                                 "massage gun", "heat pack",  "body butter"};

constexpr std::string_view kChiroSiteKinds[] = {"Chiropractic", "Spine & Wellness",
                                                "Family Chiropractic", "Chiropractic Center"};
constexpr std::string_view kChiroServices[] = {"chiropractic adjustment", "spinal adjustment",
                                               "chiropractic care",       "posture assessment",
                                               "spinal decompression",    "adjustment"};
constexpr std::string_view kChiroPros[] = {"chiropractor", "Dr. Hughes", "our chiropractic team",
                                           "doctor of chiropractic"};
constexpr std::string_view kChiroPlaces[] = {"office", "clinic", "practice"};
constexpr std::string_view kChiroProducts[] = {"lumbar pillow",   "posture corrector",
                                               "standing desk",   "cervical pillow",
                                               "ergonomic chair", "ice pack"};

constexpr std::string_view kCbdSiteKinds[] = {"CBD Co.", "Hemp Company", "Botanicals",
                                              "Apothecary"};
constexpr std::string_view kCbdServices[] = {"CBD oil",     "CBD tincture", "CBD gummies",
                                             "CBD massage", "hemp extract", "CBD topical"};
constexpr std::string_view kCbdPros[] = {"budtender", "our product specialist", "the founder",
                                         "our team"};
constexpr std::string_view kCbdPlaces[] = {"shop", "store", "dispensary"};
constexpr std::string_view kCbdProducts[] = {"CBD tincture", "hemp balm",   "CBD bath bomb",
                                             "softgel",      "CBD roll-on", "gummy"};

constexpr std::string_view kSupplementSiteKinds[] = {"Nutrition", "Vitamins", "Health Collective",
                                                     "Wellness Co."};
constexpr std::string_view kSupplementServices[] = {"daily multivitamin",  "magnesium supplement",
                                                    "greens powder",       "probiotic",
                                                    "collagen supplement", "adaptogen blend"};
constexpr std::string_view kSupplementPros[] = {"nutritionist", "our founder",
                                                "registered dietitian", "health coach"};
constexpr std::string_view kSupplementPlaces[] = {"shop", "kitchen", "pantry"};
constexpr std::string_view kSupplementProducts[] = {"capsule", "powder", "chewable",
                                                    "tablet",  "sachet", "scoop"};

constexpr std::string_view kSpaSiteKinds[] = {"Day Spa", "Spa & Salon", "Skin Studio", "Retreat"};
constexpr std::string_view kSpaServices[] = {
    "facial",  "body wrap",  "seaweed wrap",         "mud bath",
    "spa day", "salt scrub", "aromatherapy session", "infrared sauna session"};
constexpr std::string_view kSpaPros[] = {"esthetician", "spa attendant", "our spa team",
                                         "therapist"};
constexpr std::string_view kSpaPlaces[] = {"spa", "relaxation lounge", "suite"};
constexpr std::string_view kSpaProducts[] = {"face mask",  "bath salt", "robe",
                                             "eye pillow", "serum",     "body scrub"};

constexpr std::string_view kDetoxSiteKinds[] = {"Juice Bar", "Cleanse Co.", "Wellness", "Kitchen"};
constexpr std::string_view kDetoxServices[] = {"juice cleanse", "detox program", "colon cleanse",
                                               "foot detox",    "detox tea",     "three-day reset"};
constexpr std::string_view kDetoxPros[] = {"wellness coach", "our founder", "health coach",
                                           "cleanse guide"};
constexpr std::string_view kDetoxPlaces[] = {"juice bar", "kitchen", "studio"};
constexpr std::string_view kDetoxProducts[] = {
    "cold-pressed juice", "detox tea", "smoothie", "tonic", "shot", "bone broth"};

constexpr std::string_view kAcuSiteKinds[] = {"Acupuncture", "Healing Arts", "Integrative Health",
                                              "Herbal Clinic"};
constexpr std::string_view kAcuServices[] = {"acupuncture", "cupping",     "acupressure",
                                             "gua sha",     "moxibustion", "electroacupuncture"};
constexpr std::string_view kAcuPros[] = {"acupuncturist", "practitioner", "licensed acupuncturist",
                                         "herbalist"};
constexpr std::string_view kAcuPlaces[] = {"clinic", "treatment room", "practice"};
constexpr std::string_view kAcuProducts[] = {"herbal formula", "cupping set",     "gua sha stone",
                                             "herbal tea",     "acupressure mat", "moxa stick"};

constexpr std::string_view kYogaSiteKinds[] = {"Yoga Loft", "Yoga Studio", "Movement Collective",
                                               "Breath Studio"};
constexpr std::string_view kYogaServices[] = {"yoga class", "restorative yoga",
                                              "yin yoga",   "breathwork session",
                                              "sound bath", "guided meditation"};
constexpr std::string_view kYogaPros[] = {"teacher", "instructor", "yoga teacher", "facilitator"};
constexpr std::string_view kYogaPlaces[] = {"studio", "loft", "shala"};
constexpr std::string_view kYogaProducts[] = {"yoga mat",   "bolster", "meditation cushion",
                                              "yoga block", "strap",   "singing bowl"};

constexpr std::string_view kOilSiteKinds[] = {"Aromatherapy", "Apothecary", "Oils & Botanicals",
                                              "Scent Studio"};
constexpr std::string_view kOilServices[] = {"essential oil blend",   "aromatherapy",
                                             "diffuser blend",        "oil pulling",
                                             "essential oil massage", "roller blend"};
constexpr std::string_view kOilPros[] = {"aromatherapist", "our blender", "the founder",
                                         "our team"};
constexpr std::string_view kOilPlaces[] = {"workshop", "shop", "studio"};
constexpr std::string_view kOilProducts[] = {"diffuser",   "roller bottle", "carrier oil",
                                             "room spray", "bath oil",      "inhaler stick"};

constexpr std::string_view kFloatSiteKinds[] = {"Float House", "Recovery Lab", "Cryo & Sauna",
                                                "Recovery Studio"};
constexpr std::string_view kFloatServices[] = {"float session",     "cryotherapy",
                                               "infrared sauna",    "cold plunge",
                                               "red light therapy", "compression therapy"};
constexpr std::string_view kFloatPros[] = {"float guide", "our staff", "the front desk team",
                                           "technician"};
constexpr std::string_view kFloatPlaces[] = {"float center", "recovery lounge", "studio"};
constexpr std::string_view kFloatProducts[] = {"float pod", "sauna blanket",   "recovery boot",
                                               "cold tub",  "red light panel", "towel wrap"};

const Topic kTopics[] = {
    {"massage", kMassageSiteKinds, kMassageServices, kMassagePros, kMassagePlaces,
     kMassageProducts},
    {"chiropractic", kChiroSiteKinds, kChiroServices, kChiroPros, kChiroPlaces, kChiroProducts},
    {"CBD", kCbdSiteKinds, kCbdServices, kCbdPros, kCbdPlaces, kCbdProducts},
    {"supplements", kSupplementSiteKinds, kSupplementServices, kSupplementPros, kSupplementPlaces,
     kSupplementProducts},
    {"spa", kSpaSiteKinds, kSpaServices, kSpaPros, kSpaPlaces, kSpaProducts},
    {"detox", kDetoxSiteKinds, kDetoxServices, kDetoxPros, kDetoxPlaces, kDetoxProducts},
    {"acupuncture", kAcuSiteKinds, kAcuServices, kAcuPros, kAcuPlaces, kAcuProducts},
    {"yoga", kYogaSiteKinds, kYogaServices, kYogaPros, kYogaPlaces, kYogaProducts},
    {"aromatherapy", kOilSiteKinds, kOilServices, kOilPros, kOilPlaces, kOilProducts},
    {"recovery", kFloatSiteKinds, kFloatServices, kFloatPros, kFloatPlaces, kFloatProducts},
};

// ---------------------------------------------------------------------------
// Sentence templates. {slot} names are filled by Expand(); see FillSlot().

// Neutral prose: the bulk of every article.
constexpr std::string_view kNeutral[] = {
    "When you arrive, {pro_the} will ask a few questions about your week and anything that feels "
    "tight.",
    "Most first visits last about {duration}, including a short conversation at the start.",
    "Wear something comfortable and plan to arrive ten minutes early so you don’t feel rushed.",
    "Our {place} is on the second floor, right above the {accent} shop.",
    "Walking back into the {place} after a long trip felt a bit like déjà vu, in the best way.",
    "It would be naïve to expect one visit to undo years of desk work, and we say so up front.",
    "The old brick façade hides a surprisingly {adj} interior.",
    "{person} calls the heated table “über-cozy,” and nobody has argued yet.",
    "We keep the lights low and the music soft, but you can always ask us to change either.",
    "Drink a glass of water afterwards and give yourself a few quiet minutes before driving.",
    "Many of our regulars book a {service} every two to four weeks, usually on a {weekday}.",
    "{person} has been with our team since {year} and still teaches a workshop every {season}.",
    "If something feels too intense, say so — a good {pro} adjusts pressure without fuss.",
    "We’re a small team in {city}, and most of us found this work after a very different first "
    "career.",
    "Parking is free behind the building, and the bus stops about two blocks away.",
    "Gift cards are available at the front desk and online, and they never expire.",
    "You can reschedule up to 24 hours before your appointment without any fee.",
    "The {product} we use is unscented by default; just ask if you would like {ingredient} added.",
    "Our {place} was renovated last {season} with {adj} rooms and better soundproofing.",
    "We often hear that people feel {feeling} and a little {feeling2} after a {service}.",
    "A {service} is not a race, so we never book sessions back to back.",
    "Bring a list of any medications, recent injuries or surgeries to your first visit.",
    "On busy {weekday}s the waiting room fills up, so the early slots are the calmest.",
    "Some people like to chat during a session; others prefer silence, and both are fine.",
    "{person} likes to start with the {body} and work outward from there.",
    "Stretching your {body} gently between visits can make the next session more comfortable.",
    "We switched to linen sheets this year because guests kept asking about them.",
    "In {month}, we’re hosting an open house with tea, snacks and short demos.",
    "The {product} on our shelves comes from a family business about an hour outside {city}.",
    "A {adj} routine at home matters more than any single appointment.",
    "Our team reads every review, and we answer each one personally.",
    "We’ve added evening hours on {weekday}s for people who work during the day.",
    "Students and teachers get ten percent off on weekdays before noon.",
    "Try to avoid a heavy meal right before your {service}; a light snack is plenty.",
    "The playlist changes with the season — this {season} it’s mostly piano and rain sounds.",
    "Every {pro} on our team completes at least {num} hours of continuing education a year.",
    "If you’re pregnant, let us know when you book so we can prepare the right table and pillows.",
    "Tipping is never expected, though many guests leave a note, which we love.",
    "Our booking page shows real-time availability for the next six weeks.",
    "We use a {adj} intake form that takes about five minutes to fill out.",
    "Shoes come off at the door, and we have slippers in every size.",
    "The most common question we get is how often to come back, and the honest answer is: it "
    "depends.",
    "{person} {last} opened our first {place} in {year} with one room and a borrowed table.",
    "It’s normal to feel a bit sore in your {body} for a day, much like after a workout.",
    "Sleep, water and a short walk are still the basics, and nothing here replaces them.",
    "Last {season}, {person} spent a week learning a new technique with teachers in {city}.",
    "We restock the {product} every {weekday}, so check back if it’s sold out.",
    "Your {pro} will walk you through what to expect before you get on the table.",
    "Pair your {service} with a cup of {tea} tea in the lounge afterwards.",
    "Many guests tell us the {adj} atmosphere is half the reason they keep coming back.",
    "Our prices include tax, and there is no extra charge for {ingredient} or heated stones.",
    "About {pct} percent of our bookings now come from repeat clients, which still surprises us.",
    "We keep a small library of books about {topic} in the lounge; borrow whatever you like.",
    "Questions about insurance or HSA cards? Give the front desk a call at {phone}.",
    "The {place} smells faintly of {ingredient} because of the diffuser by the entrance.",
    "For a {service}, loose clothing and an empty afternoon are the best preparation.",
    "The {product} costs ${price}, and a travel size is available for ${price2}.",
    "After {num} years in {city}, we still learn something new from our clients every week.",
    "Our newsletter goes out once a month with schedule changes and a short recipe.",
    "The {adj} back room faces the garden, and it books up first every {season}.",
    "On the first {weekday} of each month, we offer a free ten-minute chair session.",
    "Kids under twelve are welcome with a parent in the room.",
    "Everyone’s body is different, so we tailor each {service} to how you feel that day.",
    "The story of {topic} is older than most people think, and it’s full of surprises.",
    "In our experience, consistency beats intensity: small habits add up over months.",
    "We sell the same {product} we use in our sessions, at the same price as online.",
    "Call ahead if you need a ground-floor room; we’re happy to arrange it.",
    "Most people notice the {adj} lighting first, then the smell of {ingredient}.",
    "We’re closed on public holidays, but gift card orders still go out the same day.",
    "The {place} opened a second location across town in {month} {year}.",
    "“How long until I feel different?” is a fair question, and we’ll give you a straight answer.",
    "Our front desk is open from 9 a.m. to 7 p.m., Monday through Saturday.",
    "Ask {person} about the {accent} recipe — it’s become a bit of a legend here.",
    "We recommend booking your next {service} before you leave, especially in {month}.",
    "The {product} comes in three sizes and two scents, {ingredient} and unscented.",
    "Reading the label carefully is always worth it, whatever {topic} product you buy.",
    "{person} says the best part of the job is the quiet moment at the end of a session.",
    "If you have a latex allergy, tell us and we’ll switch to nitrile gloves.",
    "We wash every towel and sheet on site, at high temperature, after every guest.",
    "Our intake form asks about {body} pain, stress and sleep, and you can skip any question.",
    "Plenty of first-timers feel nervous, and that’s completely normal.",
    "We added a {adj} changing room and a shower in {month} after a lot of requests.",
};

// Strong, unqualified claims: what the linter exists to find.
constexpr std::string_view kClaims[] = {
    "Our {service} cures sciatica in as little as three sessions.",
    "Regular {service} is clinically proven to relieve {condition}.",
    "Just one {service} lowers cortisol and resets your nervous system.",
    "A {service} boosts your immune system so you get sick less often.",
    "This {product} detoxifies your whole body while you sleep.",
    "Best of all, {service} has no side effects, unlike prescription drugs.",
    "{ingredient} eliminates toxins stored in your {body}.",
    "Our {service} reverses the signs of aging from the inside out.",
    "{ingredient} is scientifically proven to reduce anxiety.",
    "{service} heals {condition} naturally, without pills or surgery.",
    "Our {product} treats depression without medication.",
    "Adding {ingredient} to your day helps prevent cancer.",
    "We guarantee permanent relief from {condition} or your money back.",
    "It’s 100% safe for everyone, including children and pregnant women.",
    "Our {service} balances your hormones and restores your natural energy.",
    "This {product} melts away belly fat without diet or exercise.",
    "{service} is the only cure you’ll ever need for {condition}.",
    "Doctors recommend our {service} for {condition} and {condition2}.",
    "Our {product} is FDA approved and backed by science.",
    "{ingredient} cures {condition} — we see it every single week.",
    "A single session flushes out toxins and boosts your metabolism.",
    "Our {service} lowers blood pressure and reduces inflammation throughout the body.",
    "It rebuilds cartilage and ends joint pain for good.",
    "{service} strengthens your immune system against colds and flu.",
    "This {product} is a miracle cure for {condition}.",
    "{ingredient} kills viruses and bacteria on contact.",
    "Clinically proven results: 9 out of 10 clients are pain-free in a week.",
    "Our {service} treats {condition} at the root cause.",
    "It’s a natural alternative to antidepressants that actually works.",
    "The {product} is guaranteed to cure {condition}.",
    "A {service} detoxifies the liver and kidneys.",
    "{ingredient} lowers cortisol and cures insomnia.",
};

// Hedged claims: "may", "might", "some people".
constexpr std::string_view kHedged[] = {
    "{service} may help ease {condition} for some people.",
    "Some clients tell us a {service} seems to help them sleep better.",
    "Early research suggests {ingredient} might support healthy sleep, but more studies are "
    "needed.",
    "A {service} could help lower cortisol, although results vary from person to person.",
    "Many people find that regular {service} may reduce everyday stress.",
    "{ingredient} may support a healthy inflammatory response as part of a balanced diet.",
    "It might help with {condition}, but it is not a substitute for seeing your doctor.",
    "Some small studies suggest {service} may offer short-term relief from {condition}.",
    "For some people, {ingredient} appears to help with occasional bloating.",
    "You may notice that your {body} feels less tight for a few days.",
};

// Negated claims and honest caveats.
constexpr std::string_view kNegated[] = {
    "{service} does not cure {condition}, and we never say it does.",
    "No massage can detoxify your liver — that’s your liver’s job.",
    "We can’t promise that it boosts your immune system, and neither can anyone else.",
    "A {service} is not a treatment for {condition}.",
    "Despite what you may read online, {ingredient} won’t cure anxiety.",
    "There is no evidence that a {service} removes toxins from your body.",
    "We don’t claim that {ingredient} prevents any disease.",
    "It is not clinically proven to treat {condition}, so please keep seeing your doctor.",
};

// Claims with support: a study, a figure or a link.
constexpr std::string_view kCited[] = {
    "A {year} randomized trial published in {journal} found that {service} reduced self-reported "
    "pain scores in adults with {condition}.",
    "According to a {year} review in {journal}, {ingredient} may modestly improve sleep quality "
    "(see https://example.org/studies/{num}).",
    "In a small {year} study of {num} adults, {service} lowered perceived stress compared with "
    "rest alone ({last} et al., {year}).",
    "Research summarized in {journal} suggests massage can reduce short-term anxiety; the full "
    "paper is linked at https://example.org/research/{num}.",
    "A pilot study ({last} and {last2}, {year}) reported fewer {condition} days among participants "
    "who tried {service}.",
};

// Near misses: words a naive matcher flags that are not health claims.
constexpr std::string_view kNearMisses[] = {
    "Our team has a proven track record of happy guests since {year}.",
    "Detox your inbox: unsubscribe from the newsletters you never read.",
    "Let the plaster cure for 48 hours before hanging anything on the new wall.",
    "Our scheduling software is immune to double bookings, finally.",
    "The new booking page boosts our team’s morale more than anything else this year.",
    "Side effects of a spa day may include an urge to take a nap.",
    "Honestly, the only thing this {service} is guaranteed to cure is a bad playlist.",
    "We tested {num} different teas before choosing the one in the lounge.",
};

// Questions that mention a claim without making it.
constexpr std::string_view kQuestions[] = {
    "Can {service} really cure {condition}?",
    "Does {ingredient} lower cortisol?",
    "Is it true that a {service} detoxifies the body?",
    "Will {ingredient} boost my immune system?",
    "Does {service} have any side effects?",
};

// Testimonials: quoted speech, often with a claim inside.
constexpr std::string_view kQuotes[] = {
    "“It cured my sciatica overnight,” one client wrote in a review last {season}.",
    "“I finally sleep through the night,” says {person}, a regular since {year}.",
    "{person} told us: “My {body} hasn’t felt this good in years.”",
    "“Best {service} in {city}, hands down,” reads one of our favorite reviews.",
    "‘It melted my stress away,’ said {person} after her first {service}.",
};

constexpr std::string_view kDisclaimers[] = {
    "*These statements have not been evaluated by the Food and Drug Administration. This product "
    "is not intended to diagnose, treat, cure, or prevent any disease.",
    "Disclaimer: This article is for general information only and is not medical advice. Talk to "
    "your doctor before starting any new treatment or supplement.",
    "The content on this blog is for informational purposes only and is not a substitute for "
    "professional medical advice, diagnosis or treatment.",
    "Please consult a qualified health professional if you are pregnant, nursing, taking "
    "medication or have a medical condition.",
};

constexpr std::string_view kTitles[] = {
    "{num} Surprising Benefits of {service_title}",
    "Is {service_title} Right for You?",
    "What Happens to Your Body During {service_title}",
    "{service_title} vs. {service2_title}: Which One Should You Book",
    "A Beginner’s Guide to {topic_title}",
    "How to Prepare for Your First {service_title}",
    "Why We Love {ingredient_title} This {season_title}",
    "The Truth About {topic_title}",
    "{num} Questions to Ask Before Booking {service_title}",
    "Our Favorite {product_title} Picks for {month}",
    "What Our Clients Ask Most About {service_title}",
    "Everything You Need to Know About {ingredient_title}",
    "{service_title} for Busy People — A Practical Guide",
    "Myths and Facts About {topic_title}",
};

constexpr std::string_view kHeadings[] = {
    "What Is {service_title}",
    "How It Works",
    "What to Expect at Your First Visit",
    "Who Should Try {service_title}",
    "The Benefits",
    "How Often Should You Book?",
    "Our Approach",
    "Before Your Appointment",
    "Aftercare Tips",
    "Choosing the Right {product_title}",
    "A Little History",
    "What the Research Says",
    "Common Questions",
    "Pricing and Packages",
    "Why {ingredient_title}?",
    "Meet {person}",
    "Tips From Our Team",
    "Is It Safe?",
    "{num} Things We Wish Everyone Knew",
    "Getting Started at Home",
};

constexpr std::string_view kClosingHeadings[] = {"The Bottom Line", "Final Thoughts",
                                                 "Ready to Book?", "In Summary", "Wrapping Up"};

constexpr std::string_view kBulletItems[] = {
    "Arrive ten minutes early",
    "Drink plenty of water afterwards",
    "Wear loose, comfortable clothing",
    "Tell your {pro} about any injuries",
    "Skip the heavy lunch beforehand",
    "Book your next visit before you leave",
    "Bring a list of medications",
    "Stretch your {body} gently in the evening",
    "Keep your phone on silent",
    "Try a warm bath with {ingredient}",
    "Vegan, gluten-free and cruelty-free",
    "Made in small batches in {city}",
    "Free shipping on orders over $50",
    "{num}-day money-back guarantee",
    "Third-party lab tested",
    "Gentle enough for sensitive skin",
    "Relaxing {ingredient} scent",
};

// Bullet points that make a claim, picked for about one item in eight.
constexpr std::string_view kClaimBullets[] = {
    "Boosts your immune system",  "Lowers cortisol naturally", "No side effects",
    "Detoxifies and cleanses",    "Relieves {condition}",      "Clinically proven formula",
    "May support restful sleep*", "Cures {condition} fast"};

constexpr std::string_view kTags[] = {"wellness",    "self-care",      "stress",   "sleep",
                                      "recovery",    "natural health", "holistic", "pain relief",
                                      "mindfulness", "nutrition",      "beauty",   "news"};

constexpr std::string_view kNavLines[] = {
    "Menu",     "Home",    "About",    "About Us",   "Services", "Blog",
    "Shop",     "Contact", "Book Now", "Gift Cards", "FAQ",      "Search",
    "Cart (0)", "Log in",  "Careers",  "Our Team",   "Pricing",  "Locations"};

// ---------------------------------------------------------------------------

std::string TitleCase(std::string_view text) {
  static constexpr std::string_view kSmall[] = {"a",  "an", "and", "the", "of", "for",
                                                "to", "in", "on",  "vs.", "or", "at"};
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  bool first_word = true;
  while (i < text.size()) {
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    bool small = false;
    for (std::string_view s : kSmall) small = small || word == s;
    std::string w(word);
    // Only ASCII letters change case: accented words keep their spelling.
    if ((first_word || !small) && !w.empty() && w[0] >= 'a' && w[0] <= 'z') {
      w[0] = static_cast<char>(w[0] - 'a' + 'A');
    }
    out += w;
    if (end < text.size()) out += ' ';
    first_word = false;
    i = end + 1;
  }
  return out;
}

void CapitalizeFirst(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

// Per-article choices that keep a post about one thing.
struct Context {
  const Topic* topic;
  std::string_view service;  // the post's main service
  std::string_view ingredient;
  std::string_view person;
  int year;
};

std::string FillSlot(std::string_view slot, Rng& rng, const Context& ctx) {
  const Topic& t = *ctx.topic;
  // The main subject repeats most of the time, as it does in real posts.
  auto service = [&] { return std::string(rng.Chance(600) ? ctx.service : rng.Pick(t.services)); };
  if (slot == "service") return service();
  if (slot == "service2") return std::string(rng.Pick(t.services));
  if (slot == "service_title") return TitleCase(service());
  if (slot == "service2_title") return TitleCase(rng.Pick(t.services));
  if (slot == "pro") return std::string(rng.Pick(t.pros));
  if (slot == "pro_the") {
    std::string_view pro = rng.Pick(t.pros);
    if (pro.starts_with("Dr.") || pro.starts_with("our") || pro.starts_with("the")) {
      return std::string(pro);
    }
    return "your " + std::string(pro);
  }
  if (slot == "place") return std::string(rng.Pick(t.places));
  if (slot == "product") return std::string(rng.Pick(t.products));
  if (slot == "product_title") return TitleCase(std::string(rng.Pick(t.products)) + "s");
  if (slot == "topic") return std::string(t.name);
  if (slot == "topic_title") return TitleCase(t.name);
  if (slot == "ingredient") {
    return std::string(rng.Chance(500) ? ctx.ingredient : rng.Pick(kIngredients));
  }
  if (slot == "ingredient_title") return TitleCase(ctx.ingredient);
  if (slot == "condition" || slot == "condition2") return std::string(rng.Pick(kConditions));
  if (slot == "body") return std::string(rng.Pick(kBodyParts));
  if (slot == "person") return std::string(rng.Chance(500) ? ctx.person : rng.Pick(kFirstNames));
  if (slot == "last" || slot == "last2") return std::string(rng.Pick(kLastNames));
  if (slot == "city") return std::string(rng.Pick(kCities));
  if (slot == "month") return std::string(rng.Pick(kMonths));
  if (slot == "season") return std::string(rng.Pick(kSeasons));
  if (slot == "season_title") return TitleCase(rng.Pick(kSeasons));
  if (slot == "weekday") return std::string(rng.Pick(kWeekdays));
  if (slot == "duration") return std::string(rng.Pick(kDurations));
  if (slot == "feeling" || slot == "feeling2") return std::string(rng.Pick(kFeelings));
  if (slot == "adj") return std::string(rng.Pick(kAdjectives));
  if (slot == "tea") return std::string(rng.Pick(kTeas));
  if (slot == "accent") return std::string(rng.Pick(kAccented));
  if (slot == "journal") return std::string(rng.Pick(kJournals));
  if (slot == "year") return std::to_string(ctx.year - rng.Between(0, 9));
  if (slot == "num") return std::to_string(rng.Between(3, 60));
  if (slot == "pct") return std::to_string(rng.Between(40, 85));
  if (slot == "price" || slot == "price2") return std::to_string(rng.Between(12, 140));
  if (slot == "phone") {
    return std::string(rng.Pick(kPhonePrefixes)) + std::to_string(rng.Between(1000, 9999));
  }
  return "{" + std::string(slot) + "}";  // a typo in a template shows up in the output
}

std::string Expand(std::string_view tmpl, Rng& rng, const Context& ctx) {
  std::string out;
  out.reserve(tmpl.size() + 48);
  size_t i = 0;
  while (i < tmpl.size()) {
    size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    size_t close = tmpl.find('}', open);
    out += FillSlot(tmpl.substr(open + 1, close - open - 1), rng, ctx);
    i = close + 1;
  }
  CapitalizeFirst(out);
  return out;
}

// One sentence of body text. Rates are per mille, tuned so a ~6 KB post
// carries a handful of claims among ~50 sentences.
std::string Sentence(Rng& rng, const Context& ctx) {
  int roll = static_cast<int>(rng.Below(1000));
  std::string s;
  if (roll < 45) {
    s = Expand(rng.Pick(kClaims), rng, ctx);
  } else if (roll < 70) {
    s = Expand(rng.Pick(kHedged), rng, ctx);
  } else if (roll < 85) {
    s = Expand(rng.Pick(kNegated), rng, ctx);
  } else if (roll < 97) {
    s = Expand(rng.Pick(kCited), rng, ctx);
  } else if (roll < 112) {
    s = Expand(rng.Pick(kNearMisses), rng, ctx);
  } else if (roll < 122) {
    s = Expand(rng.Pick(kQuestions), rng, ctx);
  } else if (roll < 137) {
    s = Expand(rng.Pick(kQuotes), rng, ctx);
  } else {
    s = Expand(rng.Pick(kNeutral), rng, ctx);
  }
  if (rng.Chance(20)) {
    s += ' ';
    s += rng.Pick(kEmoji);
  }
  return s;
}

std::string Paragraph(Rng& rng, const Context& ctx) {
  std::string p;
  if (rng.Chance(40)) p += std::string(rng.Pick(kEmoji)) + " ";
  int n = rng.Between(2, 7);
  for (int i = 0; i < n; ++i) {
    if (i > 0) p += ' ';
    p += Sentence(rng, ctx);
  }
  return p;
}

struct Site {
  int index;
  std::string name;
  const Topic* topic;
  bool crlf;         // some scrapers keep Windows line ends
  bool blank_lines;  // some keep an empty line between blocks
  std::string_view bullet;
};

Site MakeSite(uint64_t seed, int index) {
  Rng rng(StreamSeed(seed, static_cast<uint64_t>(index), 1));
  Site site;
  site.index = index;
  site.topic = &kTopics[static_cast<size_t>(index) % std::size(kTopics)];
  site.name =
      std::string(rng.Pick(kSiteFirst)) + " " + std::string(rng.Pick(site.topic->site_kinds));
  site.crlf = rng.Chance(80);
  site.blank_lines = rng.Chance(500);
  static constexpr std::string_view kBullets[] = {"- ", "• ", "* ", "· "};
  site.bullet = rng.Pick(kBullets);
  return site;
}

// Writes one article of at least `target_bytes` (plus the footer).
std::string Article(const Site& site, uint64_t seed, uint64_t index, size_t target_bytes) {
  Rng rng(StreamSeed(seed, index, 2));
  Context ctx;
  // One post in eight wanders off the site's main topic.
  ctx.topic = rng.Chance(125) ? &kTopics[rng.Below(std::size(kTopics))] : site.topic;
  ctx.service = rng.Pick(ctx.topic->services);
  ctx.ingredient = rng.Pick(kIngredients);
  ctx.person = rng.Pick(kFirstNames);
  ctx.year = 2016 + static_cast<int>(rng.Below(9));

  std::vector<std::string> lines;
  size_t bytes = 0;
  auto add = [&](std::string line) {
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  };
  auto block = [&](std::string line) {
    add(std::move(line));
    if (site.blank_lines) add("");
  };

  // Header junk, as a scraper keeps it.
  add("Skip to content");
  if (rng.Chance(700)) add(site.name);
  int nav = rng.Between(2, 7);
  for (int i = 0; i < nav; ++i) add(std::string(rng.Pick(kNavLines)));
  if (rng.Chance(600)) {
    add("Home » Blog » " + TitleCase(ctx.topic->name));
  }
  if (site.blank_lines) add("");

  block(Expand(rng.Pick(kTitles), rng, ctx));
  std::string byline = "Posted on " + std::string(rng.Pick(kMonths)) + " " +
                       std::to_string(rng.Between(1, 28)) + ", " + std::to_string(ctx.year) +
                       " by " + std::string(rng.Pick(kFirstNames)) + " " +
                       std::string(rng.Pick(kLastNames));
  if (rng.Chance(400)) byline += " · " + std::to_string(rng.Between(3, 12)) + " min read";
  block(byline);

  for (int i = rng.Between(1, 2); i > 0; --i) block(Paragraph(rng, ctx));

  int number = 0;
  while (bytes < target_bytes) {
    int kind = static_cast<int>(rng.Below(100));
    if (kind < 12) {
      block(Expand("Common Questions", rng, ctx));
      for (int q = rng.Between(2, 4); q > 0; --q) {
        block(Expand(rng.Pick(kQuestions), rng, ctx));
        block(Paragraph(rng, ctx));
      }
    } else {
      std::string heading = Expand(rng.Pick(kHeadings), rng, ctx);
      if (rng.Chance(250)) heading = std::to_string(++number) + ". " + heading;
      block(heading);
      for (int p = rng.Between(1, 3); p > 0; --p) block(Paragraph(rng, ctx));
      if (rng.Chance(350)) {
        bool numbered = rng.Chance(200);
        int items = rng.Between(3, 7);
        for (int b = 0; b < items; ++b) {
          std::string item = Expand(
              rng.Pick(rng.Chance(125) ? Words(kClaimBullets) : Words(kBulletItems)), rng, ctx);
          std::string prefix = numbered ? std::to_string(b + 1) + ". " : std::string(site.bullet);
          add(prefix + item);
        }
        if (site.blank_lines) add("");
      }
      if (rng.Chance(120)) {
        block("Pro tip: " + Sentence(rng, ctx));
      }
      if (rng.Chance(80)) {
        block("Book Now");
      }
    }
  }

  block(std::string(rng.Pick(kClosingHeadings)));
  block(Paragraph(rng, ctx));
  // Supplement and CBD shops carry the FDA line more often than others.
  bool sells = ctx.topic->name == "CBD" || ctx.topic->name == "supplements";
  if (rng.Chance(sells ? 600 : 250)) block(std::string(rng.Pick(kDisclaimers)));

  // Footer junk.
  std::string tags = "Tags: ";
  for (int i = rng.Between(2, 4); i > 0; --i) {
    tags += rng.Pick(kTags);
    if (i > 1) tags += ", ";
  }
  add(tags);
  add("Share this:");
  add("Facebook");
  add("Pinterest");
  add("Email");
  if (rng.Chance(500)) {
    add("Like this:");
    add("Loading...");
  }
  add("Related Posts");
  for (int i = 0; i < 3; ++i) add(Expand(rng.Pick(kTitles), rng, ctx));
  if (rng.Chance(600)) {
    add("Leave a Reply Cancel reply");
    add("Your email address will not be published. Required fields are marked *");
  }
  add("Call us today: " + FillSlot("phone", rng, ctx));
  add("© " + std::to_string(ctx.year + 1) + " " + site.name + ". All rights reserved.");

  std::string out;
  // A byte-order mark now and then, as some exports leave one.
  if (rng.Chance(20)) out += "\xEF\xBB\xBF";
  const char* eol = site.crlf ? "\r\n" : "\n";
  for (const std::string& l : lines) {
    out += l;
    out += eol;
  }
  return out;
}

// Body sizes: 1..7.8 KB, triangular around 4.4 KB, and one post in 30 is a
// three-times-longer pillar page; with header, footer and the last section's
// overshoot, articles average about 6 KB.
size_t TargetSize(uint64_t seed, uint64_t index) {
  Rng rng(StreamSeed(seed, index, 3));
  size_t size = 1000 + rng.Below(3400) + rng.Below(3400);
  if (rng.Chance(33)) size *= 3;
  return size;
}

constexpr int kSites = 40;

}  // namespace

CorpusArticle MakeCorpusArticle(uint64_t seed, uint64_t index) {
  const Site site = MakeSite(seed, static_cast<int>(index % kSites));
  CorpusArticle article;
  char name[64];
  std::snprintf(name, sizeof(name), "site-%02d/", site.index);
  article.path = name;
  if (site.index % 2 == 1) {
    // Odd sites file posts by year, for a second nesting depth.
    article.path += std::to_string(2016 + StreamSeed(seed, index, 4) % 9) + "/";
  }
  std::snprintf(name, sizeof(name), "post-%05llu.txt", static_cast<unsigned long long>(index));
  article.path += name;
  article.text = Article(site, seed, index, TargetSize(seed, index));
  return article;
}

std::string MakeSingleArticle(uint64_t seed) {
  // Try article streams in a fixed order until one lands near 5 KB; the
  // choice depends only on the seed.
  Site site = MakeSite(seed, 0);
  site.crlf = false;
  for (uint64_t k = 0;; ++k) {
    std::string text = Article(site, seed ^ 0x5151515151ULL, k, 4200);
    if (text.size() >= 5000 && text.size() <= 5250) return text;
  }
}

}  // namespace claimlint::bench
