#include "lexicon.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/text.hpp>

#include <algorithm>
#include <array>

namespace corpgraph::detail {

namespace {

struct SectorGroup {
  std::string_view nouns;    // '|'-separated descriptor nouns
  std::string_view sectors;  // '|'-separated substrings of lexicon sectors
};
// A descriptor such as "the German carmaker" binds to the company of the document whose sector
// fits; these groups say which nouns fit which sectors.
constexpr std::array<SectorGroup, 16> sector_groups{{
    // nouns of descriptions and of company names ("the carmaker", "Halden Motors") | sectors
    {"carmaker|automaker|automotive|vehicle|motors|motor", "automotive|auto"},
    {"chipmaker|chipmakers|foundry|semiconductor|semiconductors|microelectronics", "semiconductor"},
    {"drugmaker|pharmaceutical|pharma|biotech|pharmaceuticals|therapeutics|biosciences|biopharma|biologics",
     "pharma|biotech|health|medtech"},
    {"lender|bank|banking|bancorp", "bank|financ"},
    {"retailer|grocer|supermarket|grocers|stores", "retail|e-commerce|grocery"},
    {"airline|carrier|airlines|airways", "airline|aviation"},
    {"insurer|insurance|assurance", "insurance"},
    {"miner|mining|minerals", "mining|metals|steel"},
    {"publisher|studio|games|gaming|studios", "gaming|media|publishing"},
    {"streamer|broadcaster|newspaper|broadcasting", "media|entertainment"},
    {"telecom|telco|operator|telecommunications", "telecom"},
    {"oil|energy|petroleum|refiner|utility|driller", "energy|oil|petroleum|utilities"},
    {"smartphone|phone", "consumer electronics|technology|telecom"},
    {"tech|technology|internet|software|ecommerce|cloud|ai", "technology|internet|software|e-commerce|artificial intelligence|cloud|semiconductor|consumer electronics"},
    {"fund|investor|backer|financier", "sovereign wealth|private equity|venture capital|asset management|investment"},
    {"conglomerate", "conglomerate"},
}};

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto at = text.find(sep, start);
    out.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::size_t count_tokens(std::string_view key) {
  return key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::string_view first_word(std::string_view key) { return key.substr(0, key.find(' ')); }

struct CueSpec {
  std::string_view phrases;
  Label label;
  bool reversed;
  std::uint16_t flags;
  Status status;
  float confidence;
  std::string_view rule;
};

// The relation cues. Phrases are token keys: lower case, hyphens dropped, "'s" its own token.
// A cue's subject is the nearest company on its left, its objects the companies on its right
// (reversed: the right one is the source). Confidences are the share of right answers a rule
// gives; they are documented in docs/extract.md.
const CueSpec cue_specs[] = {
    // partners
    {"partnered with|partners with|partnering with|partner with|teamed up with|teams up with|"
     "team up with|teaming up with|joined forces with|joins forces with|join forces with|"
     "signed a deal with|signed an agreement with|signs a deal with|struck a deal with|"
     "strikes a deal with|inked a deal with|reached a deal with|reached an agreement with|"
     "entered into an agreement with|collaborate with|collaborates with|collaborated with|"
     "collaborating with|allied with|working with|works with|worked with|work with|"
     "signed deals with|signed agreements with|signed contracts with|signs deals with",
     Label::partners, false, 0, Status::current, 0.85f, "partner-verb"},
    {"partnership with|alliance with|collaboration with|deal with|agreement with|"
     "joint venture with|tieup with|pact with|contract with|licensing deal with|"
     "licensing agreement with|supply deal with|supply agreement with|memorandum of understanding with|"
     "venture with|partnerships with|deals with|agreements with|contracts with|licence with|license with|"
     "licensing deals with|codeshare agreement with|distribution agreement with|distribution deal with",
     Label::partners, false, 0, Status::current, 0.8f, "partner-noun"},
    {"struck a deal|strikes a deal|signed a deal|deal to|agreement to", Label::partners, false, 0,
     Status::current, 0.7f, "partner-deal-to"},
    {"partnership between|alliance between|joint venture between|deal between|agreement between|"
     "collaboration between|tieup between",
     Label::partners, false, cue_no_subject, Status::current, 0.8f, "partner-between"},
    // mergers are deals between the two (relations.md: partners); FIRE scores them as such
    {"merger between|merger of|proposed merger of|planned merger of|combination of|merger agreement between",
     Label::partners, false, cue_no_subject, Status::current, 0.8f, "partner-between"},
    {"formed a joint venture|formed a partnership|set up a joint venture|created a joint venture|"
     "launched a joint venture|teamed up|joined forces|partnered|struck a partnership|"
     "signed a partnership|agreed to partner|are partners|became partners|agreed to merge",
     Label::partners, false, 0, Status::current, 0.75f, "partner-pair"},
    {"partner|partners", Label::partners, false, cue_tight, Status::current, 0.75f,
     "partner-apposition"},
    {"uses|use|using|will use|relies on|rely on|relying on|runs on|run on|running on|ran on|"
     "powered by|built on", Label::partners,
     false, cue_poss_object, Status::current, 0.7f, "uses-possessive"},
    // talked-to
    {"in talks with|talks with|held talks with|holding talks with|spoke to|spoke with|"
     "speaking to|speaking with|talked to|talked with|talking to|talking with|approached|"
     "approaches|has approached|negotiating with|negotiated with|negotiations with|"
     "in negotiations with|discussions with|in discussions with|held discussions with|"
     "talks to|in talks to|discussed a deal with|met with|spoken with|spoken to|speaks with|speaks to|"
     "broke off talks with|broken off talks with|ended talks with|ends talks with|abandoned talks with|"
     "walked away from talks with|pulled out of talks with",
     Label::talked_to, false, cue_wide, Status::current, 0.8f, "talks"},
    {"approached by|was approached by|were approached by|approach from|an approach from|"
     "approaches from|takeover approach from|an offer from|a takeover offer from|takeover offer from|"
     "a bid from|a takeover bid from|takeover bid from",
     Label::talked_to, true, 0,
     Status::current, 0.8f, "talks-passive"},
    {"talks between|negotiations between|discussions between", Label::talked_to, false,
     cue_no_subject, Status::current, 0.8f, "talks-between"},
    // former-deal, said outright
    {"walked away from|walks away from|walk away from|pulled out of|pulls out of|"
     "terminated its agreement with|terminated its deal with|ended its partnership with|"
     "ended its deal with|ended its agreement with|cut ties with|severed ties with|"
     "scrapped its deal with|called off its deal with|terminated its contract with|"
     "ended its contract with|cancelled its contract with|canceled its contract with|"
     "cancelled its deal with|canceled its deal with|exited its partnership with",
     Label::former_deal, false, 0, Status::ended, 0.8f, "ended-deal"},
    {"former partner|expartner", Label::former_deal, false, cue_tight, Status::ended, 0.75f,
     "former-partner-apposition"},
    // acquired
    {"acquired|acquires|acquire|acquiring|bought|buys|buy|buying|purchased|purchases|"
     "purchasing|took over|takes over|take over|taking over|snapped up|snaps up|snap up|"
     "absorbed|completed the acquisition of|completed its acquisition of|"
     "completed the purchase of|completed its purchase of|closed its acquisition of|"
     "closed the acquisition of|acquired control of|bought out|buy out",
     Label::acquired, false, cue_direct, Status::current, 0.85f, "acquire-verb"},
    {"agreed to buy|agreed to acquire|agreed to purchase|agrees to buy|agrees to acquire|"
     "agree to buy|agree to acquire|to acquire|to buy|to purchase|to take over|will acquire|"
     "will buy|would buy|would acquire|is acquiring|is buying|set to acquire|set to buy|bid to buy|offer to buy|"
     "offer to acquire|move to acquire|plan to acquire|plans to acquire|plans to buy|"
     "agreed to take over|agreed a takeover of|agreed to merge with|to merge with",
     Label::acquired, false, cue_direct, Status::pending, 0.8f, "acquire-pending"},
    {"acquisition of|purchase of|takeover of|buyout of|merger with|merged with|merges with|"
     "merge with|majority stake in|controlling stake in|controlling interest in|"
     "majority of|deal to buy|deal to acquire|takeover bid for|takeover offer for|"
     "acquisition deal for",
     Label::acquired, false, cue_noun, Status::current, 0.8f, "acquire-noun"},
    {"acquired by|bought by|purchased by|taken over by|snapped up by|absorbed by|sold to|"
     "sells itself to|sold itself to|merged into|acquisition by|takeover by|buyout by|"
     "merged with and into|merge with and into|merges with and into|was merged into|were merged into|"
     "taken private by|was taken private by|bought out by",
     Label::acquired, true, 0, Status::current, 0.85f, "acquire-passive"},
    {"to be acquired by|to be bought by|to be taken over by|agreed to be acquired by|"
     "agreed to be bought by|agreed to sell itself to|to sell itself to|being acquired by|"
     "being bought by",
     Label::acquired, true, 0, Status::pending, 0.85f, "acquire-passive-pending"},
    {"acquirer|buyer", Label::acquired, true, cue_tight, Status::current, 0.6f,
     "acquirer-apposition"},
    // owns
    {"owns|owned|own|controls|which owns|that owns|parent of|parent company of|"
     "the parent of|the parent company of|owner of|the owner of|majority owner of|"
     "holding company of|holding company for|controlling shareholder of|majority shareholder of|"
     "controlling shareholder in|majority shareholder in|the controlling shareholder of|"
     "the majority shareholder of|holds a majority stake in|holds a controlling stake in|"
     "has a majority stake in|has a controlling stake in|owns a majority stake in|"
     "owns a controlling stake in|holds a controlling interest in|owns a controlling interest in|"
     "held a majority stake in|held a controlling stake in",
     Label::owns, false, cue_direct, Status::current, 0.85f, "own-verb"},
    {"publisher of|the publisher of|operator of|the operator of|owner and operator of",
     Label::owns, false, cue_direct, Status::current, 0.7f, "publisher-of"},
    {"owned by|is owned by|controlled by|a unit of|unit of|a subsidiary of|subsidiary of|"
     "division of|a division of|arm of|an arm of|affiliate of|an affiliate of|part of|"
     "majority owned by|wholly owned by|owned subsidiary of|spun off from|spinoff of|"
     "majority - owned by|wholly - owned by|jointly - owned by|partly - owned by|"
     "fully - owned by|- owned subsidiary of|- owned unit of|- controlled subsidiary of|"
     "wholly - owned subsidiary of|majority - owned subsidiary of|wholly - owned unit of|"
     "majority - owned unit of|fully - owned subsidiary of|jointly controlled by|jointly owned by|"
     "a brand of|brand of|an imprint of|imprint of",
     Label::owns, true, 0, Status::current, 0.85f, "owned-by"},
    {"owner|parent|parent company|owners|holding company", Label::owns, true, cue_tight,
     Status::current, 0.9f, "owner-apposition"},
    {"subsidiary|unit|division|arm|affiliate|- owned|owned unit|- controlled", Label::owns, false, cue_tight,
     Status::current, 0.85f, "subsidiary-apposition"},
    // invests-in
    {"invested in|invests in|invest in|investing in|investment in|stake in|a stake in|"
     "minority stake in|took a stake in|takes a stake in|holds a stake in|bought a stake in|"
     "acquired a stake in|stakes in|holds stakes in|minority stakes in|took stakes in|"
     "injected|backed|backs|is backing|funded|funds|investor in|"
     "an investor in|a backer of|backer of|poured|led a funding round in|led the funding round in|"
     "led a round in|shareholder in|shareholder of|a holding in|minority holding in|"
     "a minority holding in|large minority holding in|a shareholder in",
     Label::invests_in, false, 0, Status::current, 0.85f, "invest-verb"},
    {"backed by|funded by|financed by|invested in by|led by|investors include|"
     "investors including|backers include|backers including|with backing from|"
     "with investment from|secured funding from|investment from|money from|with money from|"
     "capital from|backers , including|investors , including|backers such as|"
     "investors such as|backers , such as|investors , such as|shareholders include|"
     "shareholders including|"
     "funding from|participation from|with participation from|participation by|"
     "investors included|backers included",
     Label::invests_in, true, cue_wide, Status::current, 0.75f, "invest-passive"},
    {"- backed|- funded", Label::invests_in, false, cue_tight, Status::current, 0.8f,
     "backed-apposition"},
    {"investor|backer|shareholder|largest shareholder|biggest shareholder|largest investor|"
     "biggest investor|largest backer|biggest backer|main backer",
     Label::invests_in, true, cue_tight, Status::current, 0.8f, "investor-apposition"},
    // competes-with
    {"competes with|compete with|competing with|competed with|competes against|"
     "compete against|competing against|rivals|rival|rivalry with|vies with|vying with|"
     "rival to|a rival to|competitor of|competitor to|a competitor of|a competitor to|"
     "rivals such as|rivals including|competitors such as|competitors including|"
     "competitors like|rivals like|competition from|competes|takes on|challenger to|"
     "in competition with|compete|competitors|competitor|head to head with|headtohead with",
     Label::competes_with, false, cue_wide, Status::current, 0.8f, "compete"},
    // "the rivalry between X and Y"
    {"rivalry between|competition between|battle between|price war between", Label::competes_with, false,
     cue_no_subject, Status::current, 0.8f, "compete-between"},
    // "X is up against Y", "X trails Y in market share", "X overtook Y as the largest ..."
    {"up against|is up against|are up against|trails|trailed|trailing|overtook|overtakes|has overtaken|"
     "overtaken by|was overtaken by|lags behind|lagged behind|lagging behind|outsold|outsells|"
     "battles|battling|battled|vies against|racing|races|raced|is racing|lost share to|losing share to|"
     "lost market share to|losing market share to|taking share from|took share from|takes share from|"
     "squeezed by|been squeezed by|undercut by|undercuts|undercut",
     Label::competes_with, false, cue_direct, Status::current, 0.7f, "compete-standing"},
    // supplies
    {"supplies|supplied|supply|supplying|supplier to|a supplier to|supplier for|"
     "a supplier for|supplier of|key supplier to|provides chips to|ships chips to|sells chips to|"
     "provides|provided|provide|delivers|delivered|makes chips for|manufactures for|"
     "builds for|licenses its technology to|licensed its technology to",
     Label::supplies, false, cue_direct, Status::current, 0.8f, "supply-verb"},
    {"supplied by|sourced from|sources from|buys chips from|bought chips from|customer of|"
     "a customer of|client of|a client of|relies on chips from|provided by",
     Label::supplies, true, 0, Status::current, 0.8f, "supplied-by"},
    {"supplier|chip supplier|key supplier|provider|cloud provider|service provider|contract manufacturer",
     Label::supplies, true, cue_tight, Status::current,
     0.8f, "supplier-apposition"},
    {"makes|made|make|making|manufactures|manufactured|manufacture|manufacturing|builds|build|"
     "assembles|assemble|assembled|produces|produce|built",
     Label::supplies, false,
     cue_poss_object, Status::current, 0.7f, "makes-possessive"},
    // "X runs on Fiserv systems" (the gapped form is "runs its software on Y")
    {"runs on|run on|ran on|running on|hosted on|hosts its|built on", Label::supplies, true, cue_direct, Status::current,
     0.7f, "runs-on"},
    // sues
    {"sued|sues|sue|suing|is suing|filed a lawsuit against|filed suit against|"
     "lawsuit against|legal action against|took legal action against|filed a complaint against|"
     "complaint against|brought a lawsuit against|countersued|litigation against|"
     "a lawsuit against|suit against|case against|took to court|taken to court|countersues|"
     "countersue|countersuing|filed for arbitration against|launched arbitration against|"
     "started arbitration against|began arbitration against|filed an arbitration claim against",
     Label::sues, false, cue_direct, Status::current, 0.85f, "sue-verb"},
    {"sued by|lawsuit from|lawsuit filed by|lawsuit brought by|being sued by|was sued by",
     Label::sues, true, 0, Status::current, 0.85f, "sued-by"},
};

struct GappedSpec {
  std::string_view heads;
  std::string_view tails;
  std::uint8_t max_gap;
  Label label;
  bool reversed;
  float confidence;
  std::string_view rule;
};

const GappedSpec gapped_specs[] = {
    {"invest|invests|invested|investing|pour|pours|poured|pouring|inject|injects|injected|"
     "plough|ploughed|plow|plowed|put|puts|putting",
     "in|into", 7, Label::invests_in, false, 0.8f, "invest-gap"},
    {"supplies|supply|supplied|supplying|sells|sell|selling|ships|ship|shipped|shipping|"
     "provides|provide|provided|providing|delivers|deliver|delivered|licenses|licensed|licensing|"
     "exports|exported",
     "to", 6, Label::supplies, false, 0.75f, "supply-gap"},
    {"buys|buy|bought|buying|sources|sourced|sourcing|orders|ordered|ordering|purchases|"
     "purchased|purchasing|takes|take|took|uses|use|used|gets|get|got|imports|imported|leases|leased|"
     "rely|relies|relied|relying",
     "from", 10, Label::supplies, true, 0.7f, "supplied-by-gap"},
    {"raised|raises|raising|secured|secures|received|receives|drew|attracted",
     "from", 8, Label::invests_in, true, 0.7f, "raised-from"},
    {"pay|pays|paid|paying", "for", 6, Label::acquired, false, 0.7f, "paid-for"},
    // "owned since 2018 by Y", "controlled since 2015 by Y"
    {"owned|controlled", "by", 4, Label::owns, true, 0.8f, "owned-by-gap"},
    // "signed its own deals with", "has a copper joint venture in Chile, the Escondida mine, with"
    {"deal|deals|agreement|agreements|contract|contracts|partnership|partnerships|venture|ventures|"
     "alliance|collaboration|pact|tieup|licence|license",
     "with", 8, Label::partners, false, 0.8f, "partner-gap"},
    // "would work on driver-assistance systems with", "has worked closely with"
    {"work|works|worked|working|collaborate|collaborates|collaborated|collaborating|partnered|partners|"
     "develop|develops|developed|developing|codevelop|codeveloped|codeveloping",
     "with", 6, Label::partners, false, 0.8f, "partner-gap"},
    // "licenses the Unreal Engine from Epic Games"
    {"licenses|licensed|licensing|license|licences|licence", "from", 6, Label::partners, false, 0.8f, "partner-gap"},
    // "in close discussions with", "had been negotiating a licence with", "spoke on Tuesday with"
    {"talks|negotiations|discussions|negotiating|negotiate|negotiates|talking|talked|spoke|"
     "spoken|speaking",
     "with", 4, Label::talked_to, false, 0.67f, "talks-gap"},
    // "pulls out of $2.6 billion nickel plan with", "walked away from the merger with"
    {"pulls|pulled|pull|pulling|walked|walks|walk|withdrew|withdraws|withdrawn|quit|quits|exited|exits",
     "with", 8, Label::former_deal, false, 0.67f, "ended-gap"},
    // "competes for seat orders with Y", "is fighting for share with Y", "compete more strongly with Y"
    {"competes|compete|competing|competed|battles|battle|battling|battled|fighting|fights|fight|fought|vying|vies|vie",
     "with|against", 4, Label::competes_with, false, 0.75f, "compete-gap"},
    // "runs its software on Google Cloud", "trains its models on Nvidia chips"
    {"runs|run|running|ran|hosts|host|hosted|hosting|trains|train|trained|training", "on", 3, Label::supplies, true,
     0.7f, "runs-on"},
    // "was sued on Tuesday by Y"
    {"sued", "by", 4, Label::sues, true, 0.8f, "sued-by-gap"},
    // "makes wings for Airbus", "will produce the active ingredient for Moderna"
    {"makes|make|made|making|manufactures|manufacture|manufactured|manufacturing|produces|produce|"
     "produced|producing|builds|build|built|building|assembles|assemble|assembled|assembling|"
     "processes|process|processed|processing|designs|design|designed|designing",
     "for", 4, Label::supplies, false, 0.75f, "make-for"},
};

struct ModifierSpec {
  std::string_view phrases;
  Modifier modifier;
};

const ModifierSpec modifier_specs[] = {
    {"not|no|never|n't|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|won't|hasn't|haven't|"
     "hadn't|cannot|can't|neither|nor|denied|denies|deny|denying|rejected|rejects|reject|"
     "rejecting|refused|refuses|declined|declines|could|might|may|considering|consider|"
     "considers|considered|exploring|explore|explores|weighing|weighs|mulling|mulls|"
     "potential|possible|possibly|if|whether|unlikely|rumoured|rumored|speculation|"
     "hypothetical|seeking|seeks|seek|hopes to|hoping to|would consider|no plans|"
     "dismissed|ruled out|rules out|turned down|turns down|spurned|rebuffed|has yet to|yet to|instead of|rather than|failed to|"
     "fails to|without|against",
     Modifier::negation},
    {"fell apart|falls apart|fall apart|collapsed|collapses|called off|calls off|call off|"
     "scrapped|scraps|scrap|terminated|terminates|terminate|abandoned|abandons|abandon|"
     "walked away|walks away|blocked|blocks|block|failed|collapse|dropped|drops|cancelled|canceled|cancels|"
     "ended its|ended their|ended the|ends its|ends partnership|ends deal|ends agreement|ends pact|"
     "ended partnership|ended deal|ended agreement|unwound|pulled out|broke off|fell through|"
     "falls through|previously had|no longer|expired|dissolved|exited|had a deal|had a partnership|"
     "once had|used to|formerly|prohibited|vetoed|sank|torpedoed|derailed|ditched|unravels|unravelled|"
     "unraveled|unravel|wound down|winds down|wind down|dissolves|dissolve|ended in|ended on|ended after|"
     "ended last|ended when|ended early|has ended|had ended|have ended|was ended|ended abruptly|lapse|lapsed|"
     "lapses",
     Modifier::ended},
    {"pending|subject to|awaiting|expected to close|expected to complete|expected to be completed|"
     "is expected to close|yet to close|proposed|announced plans|agreed to|agrees to|set to|"
     "will|plans to|intends to|planned|under review|regulatory approval|definitive agreement|finishing|"
     "is completing|nearing completion|in the process of",
     Modifier::pending},
    {"completed|completes|closed|finalised|finalized|completion of|now owns|already owns",
     Modifier::completed},
    {"talks|negotiations|discussions|negotiating|discussing|in talks|negotiate|negotiates",
     Modifier::talks},
    {"before|after|but|while|because|although|though|whereas|who|whose|said|says|say|told|"
     "according|when|since|amid|despite|unlike|;|:|whom|where|however|also said|added|"
     "reported|reports|citing|as it|as they",
     Modifier::stop},
};

struct WordSpec {
  std::string_view words;
  std::uint32_t flags;
};

const WordSpec word_specs[] = {
    {"the|a|an|in|on|at|for|but|and|or|its|it|this|that|these|those|he|she|they|we|i|you|as|"
     "after|before|while|when|with|by|from|to|of|if|under|over|since|until|despite|although|"
     "though|meanwhile|however|also|shares|analysts|people|some|many|most|more|other|both|"
     "neither|nor|no|not|all|any|each|every|such|our|their|his|her|my|your|there|here|what|"
     "which|who|whom|whose|why|how|where|than|then|now|today|yesterday|tomorrow|last|next|"
     "according|following|including|earlier|later|internationally|"
     "separately|photo|source|sources|read|related|follow|click|subscribe|advertisement|"
     "reporting|editing|update|updated|breaking|exclusive|analysis|opinion|chief|executive|"
     "officer|president|chairman|chairwoman|founder|cofounder|minister|spokesperson|spokesman|"
     "spokeswoman|director|head|ceo|cfo|coo|cto|vice|senior|deputy|general|manager|"
     "january|february|march|april|may|june|july|august|september|october|november|december|"
     "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|"
     "friday|saturday|sunday|ai|us|u.s|uk|u.k|eu|un|ipo|gdp|etf|am|pm|tv|pc|ev|evs|r&d|m&a|"
     "q1|q2|q3|q4|fy|hk|usd|rmb|yuan|ceos|mr|mrs|ms|dr|prof|sir|lord|lady|st|no|yes|ok|"
     "inc|corp|ltd|llc|plc|co|group|holdings|one|two|three|four|five|six|seven|eight|nine|ten|"
     "during|between|among|amongst|within|without|into|onto|upon|about|around|across|through|"
     "throughout|toward|towards|against|along|beyond|above|below|behind|near|off|out|up|down|"
     "shortly|previously|currently|recently|already|still|just|only|even|yet|so|thus|hence|"
     "therefore|moreover|furthermore|instead|otherwise|indeed|perhaps|maybe|overall|together|"
     "please|sign|share|watch|listen|subscribers|contact|copyright|all|rights|reserved|"
     "local|chinese|american|european|asian|japanese|german|french|british|korean|indian|"
     "federal|northern|southern|eastern|western|"
     "insiders|investors|developers|developer|users|customers|consumers|officials|"
     "experts|executives|employees|workers|traders|stocks|"
     "statement|release|study|survey|figures|"
     "here's|it's|that's|there's|what's|let's|we're|they're|i'm|he's|she's|"
     "should|would|could|can|will|must|might|shall|did|does|do|is|are|was|were|be|been|being|"
     "has|have|had|having|get|gets|got|make|makes|made|take|takes|took|see|sees|saw|"
     "under|per|via|plus|minus|versus|vs|amid|whereas|whether|unless|once|twice|"
     "another|series|court|courts|nordic|scandinavian|iberian|balkan|industry|"
     "lng|lpg|cng|5g|4g|6g|oled|lcd|saas",
     w_stop_cap},
    {"inc|incorporated|corp|corporation|co|company|ltd|limited|llc|lp|llp|plc|ag|se|sa|nv|bv|"
     "gmbh|kk|kgaa|spa|sas|ab|asa|oyj|oy|srl|pvt|as|pte|pty|bhd|tbk|sarl|holding|holdings|group|"
     "co.,|s.a|n.v|s.p.a|a.g|k.k|l.p|l.l.c|l.l.p|b.v|s.a.s|s.r.l|a.s|a.ş|a.Ş",
     w_legal},
    {"technologies|technology|systems|therapeutics|pharmaceuticals|pharmaceutical|pharma|labs|"
     "laboratories|biopharma|biosciences|sciences|holdco|airways|aviation|"
     "energy|motors|motor|airlines|airways|bank|bancorp|capital|partners|ventures|"
     "communications|networks|semiconductor|semiconductors|software|robotics|biosciences|"
     "bioscience|biotech|biotherapeutics|financial|insurance|industries|electronics|solutions|"
     "entertainment|media|foods|brands|resources|logistics|aerospace|dynamics|analytics|ai|"
     "health|healthcare|medical|mobility|automotive|telecom|telecommunications|digital|"
     "interactive|studios|games|gaming|pictures|petroleum|oil|gas|mining|metals|steel|"
     "chemicals|materials|devices|instruments|microsystems|micro|computing|cloud|data|"
     "security|payments|finance|investments|management|advisors|realty|properties|"
     "shipping|lines|railways|rail|airline|automation|innovations|genomics|biologics|"
     "diagnostics|retail|stores|markets|apparel|beverages|brewing|foods|nutrition|"
     "power|renewables|solar|wind|batteries|battery|fintech|bio|tech|international|microelectronics|"
     "enterprises|associates|brothers|seeds|farms|dairy|mills|freight|textiles|cement|packaging|"
     "engineering|construction|plastics",
     w_corp_word},
    {"startup|startups|firm|company|chipmaker|carmaker|automaker|maker|manufacturer|lender|"
     "bank|insurer|retailer|rival|competitor|supplier|developer|operator|giant|conglomerate|"
     "provider|platform|brand|unit|subsidiary|owner|parent|investor|fund|studio|publisher|"
     "airline|carrier|broker|marketplace|newcomer|upstart|outfit|player|specialist|designer|"
     "producer|distributor|miner|utility|drugmaker|biotech|fintech|unicorn|acquirer|buyer|"
     "group|business|venture|foundry|streamer|app|service|chainmaker|vendor|automaker|"
     "smartphonemaker|phonemaker|challenger|incumbent|powerhouse|behemoth|heavyweight|"
     "titan|leader|pioneer|holding|affiliate|division|arm|spinoff|startup's|lab|network|"
     "exchange|operator|grocer|supermarket|broadcaster|newspaper|outlet|company's|firm's|"
     "trader|cooperative|coop|wholesaler|processor|refiner|shipper|bottler|brewer|steelmaker|"
     "planemaker|shipbuilder|builder|contractor|lessor|consultancy|label|chain|"
     "manufacturers|makers|producer|fabricator|packager|integrator|reseller|lab|laboratory",
     w_desc_noun},
    {"it|its|itself|it's", w_pronoun},
    {"company|firm|group|business|companies|firms", w_generic},
    {"mr|mrs|ms|dr|prof|sir|ceo|cfo|coo|cto|chief|executive|founder|cofounder|chairman|"
     "chairwoman|president|analyst|analysts|minister|secretary|senator|spokesperson|"
     "spokesman|spokeswoman|director|boss|head|investor|economist|professor|judge|"
     "lawyer|attorney|official|officer|governor|mayor|developer|programmer|engineer|"
     "billionaire|entrepreneur|author|reporter|editor|colleague|rep|sen|gov",
     w_title},
    {"said|says|say|told|tells|added|noted|wrote|explained|argued|stated|commented|"
     "who|whose|himself|herself",
     w_say},
    {",|and|or|&|including|plus|like|to|along|also", w_list},
    {"from|for|with|on|at|of|in|into|about|over|by|against|between|among|than|after|before|"
     "to|under|through|during|toward|towards|via|per|across",
     w_prep},
    {"&|of|de|du|la|le|del|der|den|von|van|and|y|do|da|dos|das|di|des", w_name_link},
    {"based|headquartered|listed|registered", w_based},
    // Common first names: a capitalised pair that starts with one is a person, not a company.
    {"john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|"
     "matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|"
     "timothy|ronald|edward|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|"
     "larry|justin|scott|brandon|benjamin|samuel|gregory|frank|alexander|raymond|patrick|"
     "jack|dennis|jerry|tyler|aaron|jose|adam|henry|nathan|douglas|zachary|peter|kyle|walter|"
     "ethan|jeremy|harold|keith|christian|roger|noah|gerald|carl|terry|sean|austin|arthur|"
     "lawrence|jesse|dylan|bryan|joe|jordan|billy|bruce|albert|willie|gabriel|logan|alan|"
     "juan|wayne|roy|ralph|randy|eugene|vincent|russell|elijah|louis|bobby|philip|johnny|"
     "mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|"
     "betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|dorothy|carol|amanda|"
     "melissa|deborah|stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|shirley|angela|"
     "helen|anna|brenda|pamela|nicole|emma|samantha|katherine|christine|debra|rachel|"
     "catherine|carolyn|janet|ruth|maria|heather|diane|virginia|julie|joyce|victoria|olivia|"
     "kelly|christina|lauren|joan|evelyn|judith|megan|cheryl|andrea|hannah|martha|jacqueline|"
     "frances|gloria|ann|teresa|kathryn|sara|janice|jean|alice|madison|doris|abigail|julia|"
     "judy|grace|denise|amber|marilyn|beverly|danielle|theresa|sophia|marie|diana|brittany|"
     "natalie|isabella|charlotte|rose|alexis|kayla|tim|satya|sundar|jensen|elon|jeff|mark|"
     "sam|lisa|jack|masayoshi|tim|warren|bill|steve|sheryl|marissa|ginni|andy|pat|safra|"
     "jamie|lloyd|mary|jane|ann|ken|ben|tom|dan|bob|jim|mike|nick|chris|alex|max|leo|"
     "albert|zhang|wang|li|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|lin|"
     "kim|lee|park|choi|jung|kang|cho|yoon|jang|lim|hiroshi|takeshi|akio|kenji|yuki|"
     "rajesh|mukesh|anil|ratan|gautam|sunil|amit|priya|ravi|carlos|luis|miguel|pedro|"
     "hans|klaus|jurgen|wolfgang|pierre|jean|francois|marco|giovanni|olaf|lars|sven|ann",
     w_first_name},
};

struct NationalitySpec {
  std::string_view words;
  const char* country;
};

const NationalitySpec nationality_specs[] = {
    {"german|germany", "DE"}, {"chinese|china", "CN"}, {"japanese|japan", "JP"},
    {"us|u.s|american|america", "US"}, {"british|uk|u.k|britain", "GB"}, {"french|france", "FR"},
    {"korean|southkorean|korea", "KR"}, {"indian|india", "IN"}, {"swiss", "CH"},
    {"dutch", "NL"}, {"swedish", "SE"}, {"italian", "IT"}, {"spanish", "ES"},
    {"canadian", "CA"}, {"taiwanese", "TW"}, {"israeli", "IL"}, {"australian", "AU"},
    {"brazilian", "BR"}, {"danish", "DK"}, {"finnish", "FI"}, {"norwegian", "NO"},
    {"irish", "IE"}, {"saudi", "SA"}, {"emirati", "AE"}, {"singaporean", "SG"},
    {"hongkong", "HK"}, {"belgian", "BE"}, {"austrian", "AT"}, {"mexican", "MX"},
    {"russian", "RU"}, {"turkish", "TR"}, {"polish", "PL"},
    // Demonyms only: country names start company names ("Telkom Indonesia", "Kenya Airways").
    {"indonesian", "ID"}, {"kenyan", "KE"}, {"qatari", "QA"}, {"malaysian", "MY"}, {"thai", "TH"},
    {"vietnamese", "VN"}, {"nigerian", "NG"}, {"chilean", "CL"}, {"argentine|argentinian", "AR"},
    {"colombian", "CO"}, {"peruvian", "PE"}, {"egyptian", "EG"}, {"portuguese", "PT"},
    {"greek", "GR"}, {"czech", "CZ"}, {"hungarian", "HU"}, {"filipino|philippine", "PH"},
    {"pakistani", "PK"}, {"bangladeshi", "BD"}, {"ghanaian", "GH"}, {"tanzanian", "TZ"},
    {"ugandan", "UG"}, {"ethiopian", "ET"}, {"moroccan", "MA"}, {"kuwaiti", "KW"},
    {"omani", "OM"}, {"bahraini", "BH"}, {"ukrainian", "UA"}, {"romanian", "RO"},
    {"nigerien", "NE"}, {"rwandan", "RW"}, {"zambian", "ZM"}, {"angolan", "AO"},
    {"algerian", "DZ"}, {"tunisian", "TN"}, {"jordanian", "JO"}, {"lebanese", "LB"},
    {"iranian", "IR"}, {"iraqi", "IQ"}, {"kazakh", "KZ"}, {"uzbek", "UZ"}, {"mongolian", "MN"},
    {"cambodian", "KH"}, {"burmese", "MM"}, {"nepalese", "NP"},
    {"venezuelan", "VE"}, {"ecuadorian", "EC"}, {"bolivian", "BO"}, {"uruguayan", "UY"},
    {"paraguayan", "PY"}, {"cuban", "CU"}, {"jamaican", "JM"}, {"panamanian", "PA"},
    {"slovak", "SK"}, {"slovenian", "SI"}, {"croatian", "HR"}, {"serbian", "RS"},
    {"bulgarian", "BG"}, {"lithuanian", "LT"}, {"latvian", "LV"}, {"estonian", "EE"},
    {"icelandic", "IS"}, {"luxembourgish", "LU"}, {"maltese", "MT"}, {"cypriot", "CY"},
    {"scottish", "GB"}, {"welsh", "GB"}, {"english", "GB"}, {"alaskan|texan|californian|hawaiian", "US"},
};

NonCompany parse_non_company(std::string_view type) {
  static constexpr std::array<std::pair<std::string_view, NonCompany>, 12> types{{
      {"regulator", NonCompany::regulator}, {"government", NonCompany::government},
      {"exchange", NonCompany::exchange}, {"place", NonCompany::place},
      {"university", NonCompany::university}, {"ranking", NonCompany::ranking},
      {"media_reporter", NonCompany::media_reporter}, {"product", NonCompany::product},
      {"time", NonCompany::time}, {"word", NonCompany::word}, {"person", NonCompany::person},
      {"agency", NonCompany::regulator},
  }};
  for (const auto& [name, value] : types)
    if (name == type) return value;
  return NonCompany::none;
}

bool starts_upper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool starts_lower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

}  // namespace

Lexicon::Lexicon() { load_grammar(); }

WordInfo& Lexicon::word_slot(std::string_view key) { return words_[key]; }

const WordInfo* Lexicon::word(std::string_view key) const { return words_.find(key); }

void Lexicon::words(const TokenizedText& t, std::vector<WordInfo>& copies,
                    std::vector<const WordInfo*>& out) const {
  const std::size_t n = t.tokens.size();
  // Grown, never shrunk: the vectors may be a thread's buffers, reused from text to text. Every
  // out[k] is written below; copies[k] only where out[k] points at it.
  if (out.size() < n) out.resize(n);
  if (copies.size() < n) copies.resize(n);
  // A block of tokens at a time: hash them all and ask for their slots, then probe, so that the
  // misses of the block are in flight together.
  // (through local pointers, each key made once: the stores into copies would otherwise make
  // the compiler read the vectors' fields again for every token)
  constexpr std::size_t block = 32;
  std::uint64_t hashes[block];
  std::string_view keys[block];
  const Token* const tokens = t.tokens.data();
  const char* const key_bytes = t.keys.data();
  WordInfo* const copy_at = copies.data();
  const WordInfo** const out_at = out.data();
  for (std::size_t first = 0; first < n; first += block) {
    const std::size_t count = std::min(block, n - first);
    for (std::size_t i = 0; i < count; ++i) {
      const Token& token = tokens[first + i];
      keys[i] = std::string_view(key_bytes + token.key_begin, token.key_end - token.key_begin);
      hashes[i] = hash(keys[i]);
      if (const void* slot = words_.first_slot(hashes[i])) __builtin_prefetch(slot);
    }
    for (std::size_t i = 0; i < count; ++i) {
      const WordInfo* w = words_.find(keys[i], hashes[i]);
      if (w) copy_at[first + i] = *w;
      out_at[first + i] = w ? &copy_at[first + i] : nullptr;
    }
  }
}

bool Lexicon::sector_fits(std::uint8_t group, std::string_view sector) {
  if (group == 0 || group > sector_groups.size() || sector.empty()) return false;
  for (auto part : split(sector_groups[group - 1].sectors, '|'))
    if (sector.find(part) != std::string_view::npos) return true;
  return false;
}

void Lexicon::add_phrase(std::string_view phrase, LexHit hit) {
  phrase = trim(phrase);
  if (phrase.empty()) return;
  const std::string key = phrase_key(phrase);
  const auto tokens = count_tokens(key);
  if (tokens == 0 || tokens > 12) return;
  hit.tokens = static_cast<std::uint8_t>(tokens);
  hit.upper_first = starts_upper(phrase);
  hit.lower_first = starts_lower(phrase) && hit.kind != HitKind::descriptor;
  // Every proper prefix is stored too (with no hits), so matching walks forward and stops at the
  // first word that no phrase continues with.
  for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1))
    phrases_.insert(std::string_view(key).substr(0, at));
  auto& hits = phrases_[key];
  for (const auto& h : hits)
    if (h.kind == hit.kind && h.company == hit.company && h.type == hit.type) return;
  hits.push_back(hit);
  auto& w = word_slot(first_word(key));
  w.lex_tokens = std::max<std::uint8_t>(w.lex_tokens, hit.tokens);
  if (hit.kind == HitKind::name || hit.kind == HitKind::alias) w.flags |= w_company_start;
  if (!hit.upper_first) w.flags |= w_lex_lower;
}

void Lexicon::add_grammar(std::string_view phrases, GrammarHit hit) {
  for (auto phrase : split(phrases, '|')) {
    if (phrase.empty()) continue;
    const std::string key(phrase);
    const auto tokens = count_tokens(key);
    hit.tokens = static_cast<std::uint8_t>(tokens);
    for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1))
      grammar_.insert(std::string_view(key).substr(0, at));
    grammar_[key].push_back(hit);
    auto& w = word_slot(first_word(key));
    w.grammar_tokens = std::max<std::uint8_t>(w.grammar_tokens, hit.tokens);
  }
}

void Lexicon::load_grammar() {
  for (const auto& spec : cue_specs) {
    Cue cue{spec.label, spec.status, spec.reversed, spec.flags, spec.confidence, spec.rule};
    cues_.push_back(cue);
    GrammarHit hit;
    hit.is_cue = true;
    hit.cue = static_cast<std::uint16_t>(cues_.size() - 1);
    add_grammar(spec.phrases, hit);
  }
  for (const auto& spec : gapped_specs) {
    cues_.push_back(Cue{spec.label, Status::current, spec.reversed, detail::cue_wide, spec.confidence, spec.rule});
    GappedCue g;
    const auto index = static_cast<std::uint16_t>(gapped_.size());
    for (auto h : split(spec.heads, '|')) {
      g.heads.emplace_back(h);
      word_slot(h).flags |= w_gap_head;
      auto& cues = gapped_by_head_[h];
      if (cues.empty() || cues.back() != index) cues.push_back(index);
    }
    for (auto t : split(spec.tails, '|')) g.tails.emplace_back(t);
    g.max_gap = spec.max_gap;
    g.cue = static_cast<std::uint16_t>(cues_.size() - 1);
    gapped_.push_back(std::move(g));
  }
  for (const auto& spec : modifier_specs) {
    GrammarHit hit;
    hit.modifier = spec.modifier;
    add_grammar(spec.phrases, hit);
  }
  for (const auto& spec : word_specs)
    for (auto w : split(spec.words, '|'))
      if (!w.empty() && w.find(' ') == std::string_view::npos) word_slot(w).flags |= spec.flags;
  for (const auto& spec : nationality_specs)
    for (auto w : split(spec.words, '|')) {
      auto& slot = word_slot(w);
      slot.flags |= w_nationality | w_stop_cap;
      slot.country[0] = spec.country[0];
      slot.country[1] = spec.country[1];
    }
  for (std::size_t g = 0; g < sector_groups.size(); ++g)
    for (auto w : split(sector_groups[g].nouns, '|'))
      if (word_slot(w).sector == 0) word_slot(w).sector = static_cast<std::uint8_t>(g + 1);
}

void Lexicon::add_companies(std::string_view text, const std::string& file) {
  std::size_t line_no = 0;
  for (auto line : split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto fields = split(line, '\t');
    const auto name = trim(fields[0]);
    if (name.empty())
      throw Error(ErrorKind::bad_input, SourceLocation{file, line_no, 1},
                  "a company line needs a name in its first field");
    const auto field = [&](std::size_t i) { return i < fields.size() ? trim(fields[i]) : std::string_view{}; };
    const std::string key = phrase_key(name);
    std::uint32_t id;
    if (const auto* known = company_index_.find(key)) {
      id = *known;
    } else {
      id = static_cast<std::uint32_t>(companies_.size());
      LexCompany c;
      c.name = std::string(name);
      c.key = key;
      if (auto kind = parse_company_kind(field(1))) c.kind = *kind;
      c.sector = std::string(field(6));
      c.country = std::string(field(7));
      companies_.push_back(std::move(c));
      company_index_[key] = id;
    }
    auto& company = companies_[id];
    if (company.sector.empty()) company.sector = std::string(field(6));
    if (company.country.empty()) company.country = std::string(field(7));
    add_phrase(name, LexHit{HitKind::name, NonCompany::none, false, false, id, 0});
    for (auto a : split(field(2), '|')) add_phrase(a, LexHit{HitKind::alias, NonCompany::none, false, false, id, 0});
    // "Mediterranean Shipping Company" is also written "Mediterranean Shipping Co.": the form
    // without its legal words is an alias too (when two words or more remain).
    add_phrase(without_legal_words(name), LexHit{HitKind::alias, NonCompany::none, false, false, id, 0});
    for (auto a : split(field(2), '|'))
      add_phrase(without_legal_words(a), LexHit{HitKind::alias, NonCompany::none, false, false, id, 0});
    for (auto t : split(field(3), '|')) {
      add_phrase(t, LexHit{HitKind::ticker, NonCompany::none, false, false, id, 0});
      // "NASDAQ:AAPL" is also written "NASDAQ: AAPL": the tokens are the same.
    }
    for (auto p : split(field(4), '|')) add_phrase(p, LexHit{HitKind::product, NonCompany::none, false, false, id, 0});
    for (auto d : split(field(5), '|')) {
      add_phrase(d, LexHit{HitKind::descriptor, NonCompany::none, false, false, id, 0});
      // The words of its descriptions, so that "the search company" finds the "search giant".
      if (trim(d).empty()) continue;
      auto& words = companies_[id].descriptor_words;
      if (words.empty()) words.push_back(' ');
      words += phrase_key(d);
      words += ' ';
    }
  }
}

std::string_view Lexicon::without_legal_words(std::string_view phrase) const {
  const std::string_view whole = trim(phrase);
  std::string_view p = whole;
  while (true) {
    const auto space = p.rfind(' ');
    if (space == std::string_view::npos) return {};
    const std::string last_key = phrase_key(p.substr(space + 1));
    const auto* w = words_.find(first_word(last_key));
    if (!w || !(w->flags & w_legal)) break;
    p = trim(p.substr(0, space));
  }
  if (p.size() == whole.size() || p.find(' ') == std::string_view::npos) return {};
  // "Merck &" and "Bank of" are no names.
  const auto* w = words_.find(phrase_key(p.substr(p.rfind(' ') + 1)));
  if (w && (w->flags & w_name_link)) return {};
  return p;
}

void Lexicon::add_non_companies(std::string_view text, const std::string& file) {
  std::size_t line_no = 0;
  for (auto line : split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto fields = split(line, '\t');
    const auto term = trim(fields[0]);
    const auto type = parse_non_company(fields.size() > 1 ? trim(fields[1]) : std::string_view{"word"});
    if (term.empty() || type == NonCompany::none)
      throw Error(ErrorKind::bad_input, SourceLocation{file, line_no, 1},
                  "a non-company line is TERM<TAB>TYPE with a known type");
    add_phrase(term, LexHit{HitKind::non_company, type, false, false, 0, 0});
  }
}

}  // namespace corpgraph::detail
