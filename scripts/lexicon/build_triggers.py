"""Authoring source of src/eventwire/data/triggers.tsv: run `python scripts/lexicon/build_triggers.py src/eventwire/data/triggers.tsv`.

The TSV is what eventwire reads; this script is how it is written and maintained (shared complement
patterns are defined once here and expanded into rows there). Edit here, regenerate, commit both.
"""
import re
import sys

ROWS = []


def row(lemma, pos, cameo, obj="", particle="", note=""):
    assert "\t" not in obj and "\t" not in note
    re.compile(obj)
    ROWS.append((lemma, pos, particle, obj, cameo, note))


def V(lemma, cameo, obj="", particle="", note=""):
    row(lemma, "verb", cameo, obj, particle, note)


def N(lemma, cameo, obj="", particle="", note=""):
    row(lemma, "noun", cameo, obj, particle, note)


def alt(*words):
    return r"\b(?:" + "|".join(words) + r")\b"


# ---------------------------------------------------------------- shared complement patterns
LIFT = (r"(?:lift\w*|eas(?:e|es|ed|ing)|remov\w*|relax\w*|loosen\w*|end(?:s|ed|ing)?|an end to|scrap\w*|"
        r"revok\w*|revocation|rescind\w*|repeal\w*|suspen(?:d|ds|ded|ding|sion)|drop(?:s|ped|ping)?|"
        r"roll\w* back|rollback|unfreez\w*|unfroze\w*|waiv\w*|reduc\w*|cancel\w*)")
RELEASE = (r"\b(?:releas\w*|free|frees|freed|freeing|freedom for|return\w*|hand\w* (?:back|over)|swap\w*|"
           r"exchang\w*|repatriat\w*)\b.{0,40}?\b(?:hostages?|prisoners?|detainees?|captives?|abductees?|"
           r"journalists?|activists?|dissidents?|soldiers|sailors|crew|citizens|nationals|bodies|remains|ships?|"
           r"vessels?|tankers?|assets|property)\b|\b(?:hostages?|prisoners?|detainees?|captives?|abductees?)\b")
EASE_SANCTIONS = (rf"\b{LIFT}\b.{{0,30}}?\b(?:sanctions?|embargo(?:es|s)?|boycotts?|tariffs?|trade restrictions|"
                  r"asset freezes?|export (?:bans?|controls)|blacklist\w*)\b|\b(?:sanctions relief|unfreez\w*)\b")
EASE_ADMIN = (rf"\b{LIFT}\b.{{0,30}}?\b(?:curfews?|state of emergency|emergency (?:rule|laws?|decrees?|measures|powers)|"
              r"martial law|restrictions|censorship|bans?|blackouts?|internet shutdowns?|lockdowns?)\b")
CEASEFIRE = (r"\b(?:cease ?-? ?fires?|truces?|armistice|cessation of hostilities|humanitarian pauses?|"
             r"pause in (?:the )?fighting|halt to (?:the )?(?:fighting|hostilities))\b")
POLICY = (r"\b(?:repeal\w*|revers\w*|revok\w*|revocation|rescind\w*|scrap\w*|overturn\w*|amend\w*|annul\w*|"
          r"(?:withdraw\w*|withdrew|withdrawal of|shelv\w*|drop\w*|abandon\w*) (?:the |a |its |their |this |that )?"
          r"(?:controversial |proposed |new |planned )?(?:bill|law|decree|legislation|plans?|proposal|measure|order|"
          r"policy|reform|project|tax|ban)|chang\w* (?:of |in |to )?(?:the |its |their )?(?:polic(?:y|ies)|course|"
          r"stance|position|laws?|approach|decision)|policy (?:change|shift|reversal)|rethink|reconsider\w*)\b")
WITHDRAW = (r"\b(?:withdraw\w*|withdrew|pull\w* (?:out|back)|pull-?out|pullback|retreat\w*|remov\w*|leave|leaving|"
            r"exit)\b.{0,30}?\b(?:troops|forces|soldiers|army|military|units|fighters|militias?|tanks|personnel|"
            r"occupation|occupied|territor(?:y|ies)|positions|front ?lines?)\b|\b(?:troops|forces|soldiers|army|"
            r"military)\b.{0,30}?\b(?:withdraw\w*|withdrew|pull\w* (?:out|back)|leave|retreat\w*|go home)\b|"
            r"\b(?:withdrawal|pullout|pull-out|pullback|troop reductions?|end (?:to |of )?(?:the )?occupation)\b")
DEESCALATE = (r"\b(?:de-?escalat\w*|restraint|calm|(?:end|ends|ended|ending|an end to|stop\w*|halt\w*|cease|"
              r"suspen(?:d|ds|ded|ding)|scale back|wind down)\b.{0,20}?\b(?:violence|war|fighting|hostilities|"
              r"bloodshed|conflict|attacks|bombing|bombardment|shelling|offensive|siege|blockade|airstrikes|"
              r"air strikes|strikes on|military (?:operations?|action|campaign)|incursions?|advance|killing|firing|"
              r"rocket fire|missile (?:launches|strikes))|lift\w* (?:the )?(?:siege|blockade)|refrain\w* from|"
              r"avoid\w* (?:further |any )?escalation|lower\w* tensions?|reduc\w* tensions?|eas\w* tensions?|"
              r"defus\w*|not to escalate|lay down (?:their |its |his )?(?:arms|weapons)|disarm\w*|demobili[sz]\w*|"
              r"surrender (?:their |its )?weapons|decommission\w*)\b")
EASE_DISSENT = (r"\b(?:end(?:s|ed|ing)?|an end to|stop\w*|halt\w*|call\w* off|suspen(?:d|ds|ded|ding)|cease|"
                r"abandon\w*|disband\w*|clear\w*|leave)\b.{0,30}?\b(?:protests?|demonstrations?|sit-ins?|unrest|"
                r"rallies|riots?|rioting|hunger strikes?|general strike|strike action|walkouts?|encampments?|"
                r"(?:the|their|a|labou?r|workers'?|national|nationwide|teachers'?|doctors'?) strike)\b|"
                r"\b(?:calm on the streets|go home|return to work|clear the streets|disperse)\b")
INTL = (r"\b(?:humanitarian access|unhindered access|unimpeded access|unfettered access|access (?:for|to) (?:aid|"
        r"humanitarian|journalists|observers|inspectors|monitors|investigators|the un|un|international|the red cross|"
        r"red cross)|inspectors?|observers?|monitors?|monitoring mission|fact-finding mission|international "
        r"(?:involvement|presence|investigators|experts|mission|monitoring)|(?:allow|let|permit|admit)\w*\b.{0,30}?"
        r"\b(?:aid|humanitarian|convoys?|inspectors?|observers?|monitors?|peacekeepers?|investigators?|journalists|"
        r"international|un|red cross|icrc))\b")
MEDIATION = r"\b(?:mediat\w*|good offices|facilitat\w* (?:talks|dialogue|negotiations))\b"
MEETING = (r"\b(?:talks|meet|meets|meeting|meetings|summit|summits|negotiat\w*|dialogue|consultations?|sit down|"
           r"to the table|negotiating table|discussions?|conference|session|round of talks|visit|visits)\b")
SETTLE = (r"\b(?:settle\w* (?:the |their |its |a )?(?:dispute|conflict|differences|issue|row|matter|standoff|crisis)|"
          r"(?:negotiated|peaceful|political|diplomatic|lasting|final) (?:settlement|solution|resolution)|"
          r"peaceful (?:means|end)|peace (?:deal|agreement|accord|plan|process|treaty|settlement)|resolv\w* "
          r"(?:the |their )?(?:conflict|dispute|crisis|differences|standoff)|resolution (?:of|to) (?:the )?"
          r"(?:conflict|dispute|crisis)|two-state solution|compromise|peace(?! ?-?keep))\b")
JUDICIAL = (r"\b(?:extradit\w*|hand\w* over (?:the )?(?:suspects?|fugitives?|accused|perpetrators|those responsible|"
            r"culprits)|judicial (?:cooperation|assistance)|legal assistance|stand trial|to justice|arrest warrants?|"
            r"prosecut\w*)\b")
INVESTIGATION = (r"\b(?:investigat\w*|inquiry|inquiries|enquiry|probe|inquest|fact-finding|accountability|autopsy|"
                 r"forensic)\b")
INFO = (r"\b(?:information|intelligence|data|details|explanation|clarification|answers|evidence|proof|records|"
        r"documents|files|transparency)\b")
LEADER = (r"\b(?:resign\w*|step\w* down|stand\w* down|step\w* aside|ouster|oust\w*|removal|impeach\w*|quit|"
          r"leave office|leave power|relinquish\w* power|hand\w* over power|cede power|early elections?|"
          r"snap elections?|new elections|fresh elections|leadership change|change of leadership|change (?:of|in) "
          r"government|new government|transitional government|caretaker government|abdicat\w*)\b")
RIGHTS = (r"\b(?:rights|freedoms?|liberty|liberties|equality|equal (?:treatment|pay|access)|self-determination|"
          r"autonomy|suffrage|emancipation|citizenship|non-discrimination)\b")
INSTITUTIONS = (r"\b(?:constitution\w*|regime change|change of regime|overthrow\w*|electoral (?:reform|system|law|code)|"
                r"institution\w*|federal\w*|monarchy|republic|system of government|independence|secession|referendum|"
                r"statehood)\b")
REFORM = (r"\b(?:reforms?|democrati[sz]\w*|overhaul\w*|liberali[sz]\w*|free and fair elections|free elections|"
          r"elections)\b")
PROTECTION = (r"\b(?:peace ?-? ?keep\w*|peacekeep\w*|protection|protective force|no-fly zone|security guarantees?|"
              r"international (?:force|troops|protection)|stabili[sz]ation (?:force|mission)|troops to protect|"
              r"safe zones?|buffer zone|protect civilians)\b")
MILAID = (r"\b(?:military|defen[cs]e|security(?! council)|lethal)\b.{0,25}?\b(?:aid|assistance|help|support|supplies|"
          r"equipment|package|hardware)\b|\b(?:weapons?|arms|armaments|ammunition|munitions|artillery shells|"
          r"shells|missiles?|rockets|air[- ]defen[cs]es?|tanks|fighter jets|jets|warplanes|combat aircraft|drones|"
          r"artillery|howitzers|patriots?|himars|f-16s?|atacms)\b")
HUMAID = (r"\b(?:humanitarian|(?<!debt )relief|food|medicines?|medical (?:aid|supplies|assistance|help|care|"
          r"equipment|teams)|vaccines?|shelter|tents|blankets|drinking water|clean water|water supplies|fuel|"
          r"evacuat\w*|humanitarian corridors?|safe passage|disaster (?:aid|relief|assistance))\b")
ECONAID = (r"\b(?:economic|financial|budget(?:ary)?|fiscal|development|reconstruction|balance[- ]of[- ]payments)\b"
           r".{0,25}?\b(?:aid|assistance|help|support|package|rescue)\b|\b(?:loans?|grants?|funding|funds|"
           r"bail-?outs?|credit lines?|credits?|debt relief|debt forgiveness|money|cash|dollars|euros|billion|"
           r"million|donations?|financing|budget support)\b|\$\s?\d")
AID = (r"\b(?:aid|assistance|help|relief|support for (?:the )?(?:victims|refugees|displaced|survivors|people|"
       r"population))\b")
MILCOOP = (r"\b(?:military|defen[cs]e|security(?! council)|counter-?terror\w*|naval|strategic)\b.{0,20}?"
           r"\b(?:cooperation|co-operation|ties|partnership|alliance|pact|coordination|collaboration)\b|"
           r"\bjoint (?:military )?(?:exercises|drills|patrols|operations?|maneuvers|manoeuvres|training)\b|"
           r"\b(?:arms|weapons) (?:deals?|sales?|purchases?)\b|\bmilitary bases?\b")
ECONCOOP = (r"\b(?:trade|trading|investments?|economic (?:cooperation|ties|partnership|relations|integration)|"
            r"business (?:ties|links|cooperation)|commercial ties|energy (?:cooperation|deal|partnership|supplies)|"
            r"free trade|market access|open (?:its |their )?markets?)\b")
SUPPORT = (r"\b(?:support|backing|solidarity|endors\w*|recogni[sz]\w*|vote (?:for|in favou?r)|side with|stand with|"
           r"diplomatic (?:support|cooperation|backing)|political support|unity)\b")
YIELD = (r"\b(?:concessions?|surrender\w*|capitulat\w*|give up|give in|back down|back off|yield\w*|cede|ceding|"
         r"comply|complies|complied|compliance|abide by|respect (?:the )?(?:ruling|verdict|resolution|agreement))\b")

SANCTIONS = (r"\b(?:sanctions?|embargo(?:es|s)?|boycotts?|tariffs?|trade (?:restrictions|war|measures)|blacklist\w*|"
             r"penalties|punitive (?:economic )?measures|counter-?measures|asset freezes?|freez\w* (?:its |their )?"
             r"assets|export (?:bans?|controls))\b")
RETALIATE = (r"\b(?:retaliat\w*|revenge|aveng\w*|punish\w*|respond (?:forcefully|militarily|decisively|harshly|"
             r"strongly|firmly)|strike back|hit back|crush\w*|destroy\w*|wipe out|annihilat\w*|eliminat\w*|"
             r"eradicat\w*|defeat)\b")

# topic -> (appeal, demand, intent, reject)
TOPICS = [
    ("release", RELEASE, ("0253", "1053", "0353", "1243")),
    ("ease sanctions", EASE_SANCTIONS, ("0254", "1054", "0354", "1244")),
    ("impose sanctions", SANCTIONS, ("020", "100", "1312", "120")),
    ("ease administrative sanctions", EASE_ADMIN, ("0251", "1051", "0351", "1241")),
    ("ceasefire", CEASEFIRE, ("0256", "107", "0356", "1246")),
    ("policy change", POLICY, ("0242", "1042", "0342", "1232")),
    ("withdrawal", WITHDRAW, ("0256", "106", "0356", "1246")),
    ("de-escalation", DEESCALATE, ("0256", "1056", "0356", "1246")),
    ("ease dissent", EASE_DISSENT, ("0252", "1052", "0352", "1242")),
    ("international involvement", INTL, ("0255", "1055", "0355", "1245")),
    ("mediation", MEDIATION, ("028", "105", "039", "126")),
    ("meeting", MEETING, ("026", "108", "036", "125")),
    ("settle dispute", SETTLE, ("027", "100", "037", "127")),
    ("judicial cooperation", JUDICIAL, ("0213", "1013", "0313", "121")),
    ("investigation", INVESTIGATION, ("020", "101", "030", "120")),
    ("information", INFO, ("0214", "101", "0314", "120")),
    ("leadership change", LEADER, ("0241", "1041", "0341", "1231")),
    ("rights", RIGHTS, ("0243", "1043", "0343", "1233")),
    ("institutions", INSTITUTIONS, ("0244", "1044", "0344", "1234")),
    ("political reform", REFORM, ("024", "104", "034", "123")),
    ("protection/peacekeeping", PROTECTION, ("0234", "1034", "0334", "1224")),
    ("military aid", MILAID, ("0232", "1032", "0332", "1222")),
    ("humanitarian aid", HUMAID, ("0233", "1033", "0333", "1223")),
    ("economic aid", ECONAID, ("0231", "1031", "0331", "1221")),
    ("aid", AID, ("023", "103", "033", "122")),
    ("military cooperation", MILCOOP, ("0212", "1012", "0312", "1212")),
    ("economic cooperation", ECONCOOP, ("0211", "1011", "0311", "1211")),
    ("diplomatic support", SUPPORT, ("022", "102", "032", "120")),
    ("yield", YIELD, ("025", "100", "035", "124")),
]
FAMILY = {"appeal": 0, "demand": 1, "intent": 2, "reject": 3}
DEFAULT = {"appeal": "020", "demand": "100", "intent": "030", "reject": "120"}

ACCUSATIONS = (r"\b(?:accusations?|allegations?|claims?|charges?|reports?|responsibility|involvement|blame|"
               r"complicity|wrongdoing|insinuations?|rumou?rs?|suggestions? that|assertions?)\b")

def block(lemma, pos, family, *, particle="", default=True, default_obj="", skip=()):
    i = FAMILY[family]
    for name, rx, codes in TOPICS:
        if name in skip:
            continue
        row(lemma, pos, codes[i], rx, particle, name)
    if default:
        row(lemma, pos, DEFAULT[family], default_obj, particle, f"{family} (unspecified)")


# threats: (note, regex, code); used by threaten/threat and (partly) warn/vow
WMD = r"\b(?:nuclear|atomic|chemical|biological|weapons of mass destruction|wmds?|nukes?|dirty bomb)\b"
HALT_TALKS = (r"\b(?:walk\w* out of|quit\w*|pull\w* out of|withdraw\w* from|halt\w*|suspend\w*|end(?:s|ed|ing)?|"
              r"abandon\w*|break\w* off|boycott\w*|leave|leaving|call\w* off|freez\w*)\b.{0,25}?\b(?:talks|"
              r"negotiations|dialogue|peace process)\b")
HALT_MEDIATION = (r"\b(?:halt\w*|suspend\w*|end(?:s|ed|ing)?|abandon\w*|quit\w*|withdraw\w* from|pull\w* out of|"
                  r"stop\w*)\b.{0,25}?\bmediat\w*")
HALT_INTL = (r"\b(?:expel\w*|withdraw\w*|pull\w* out|remov\w*|end(?:s|ed|ing)?|kick\w* out|oust\w*)\b.{0,30}?"
             r"\b(?:peace ?-? ?keep\w*|observers?|monitors?|inspectors?|aid (?:workers|agencies|groups)|un (?:mission|"
             r"staff|agencies)|ngos)\b")
AID_CUT = (r"\b(?:cut\w*|halt\w*|suspend\w*|stop\w*|reduc\w*|withdraw\w*|freez\w*|end(?:s|ed|ing)?|withh[oe]ld\w*|"
           r"slash\w*|pull)\b.{0,30}?\b(?:aid|assistance|funding|funds|financing|loans|grants|contributions|"
           r"subsidies)\b")
RELATIONS_CUT = (r"\b(?:cut\w*|sever(?:s|ed|ing|ance)?|break(?:s|ing)?|broke|downgrad\w*|reduc\w*|suspend\w*|"
                 r"freez\w*|end(?:s|ed|ing)?|review\w*)\b.{0,25}?\b(?:ties|relations|diplomatic)\b|\bexpel\w* "
                 r"(?:the |its |their )?(?:ambassador|envoy|diplomats?)\b|\brecall\w* (?:the |its |their )?"
                 r"(?:ambassador|envoy)\b|\bclos\w* (?:the |its |their )?(?:embassy|consulate)\b")
BAN_PARTY = (r"\bban\w*\b.{0,20}?\b(?:party|parties|opposition|candidates?|politicians?|movement)\b|\boutlaw\w*|"
             r"\bdissolv\w* (?:the )?(?:party|parliament|opposition)\b")
CURFEW = r"\bcurfews?\b"
EMERGENCY = r"\b(?:state of emergency|martial law|emergency (?:rule|laws?|decrees?|powers)|state of siege)\b"
REPRESS = (r"\b(?:crack\w* down|crackdown|crush\w* (?:the )?(?:protests?|dissent|opposition|uprising|rebellion|"
           r"demonstrations|unrest|riots?)|suppress\w*|arrest\w*|detain\w*|jail\w*|imprison\w*|prosecut\w*|"
           r"execut\w*|round\w* up|use (?:of )?force against (?:the )?(?:protesters|demonstrators|crowds?))\b")
RESTRICT = (r"\b(?:restrict\w*|curb\w*|censor\w*|shut\w* down|clos\w*|block\w*|ban\w*)\b.{0,30}?\b(?:media|press|"
            r"newspapers?|internet|social media|websites?|freedoms?|speech|assembly|gatherings|protests|"
            r"broadcasters?|channels?|ngos?)\b")
DISSENT = (r"\b(?:protests?|demonstrat\w*|strike action|general strike|go on strike|walk ?out|walkout|boycott\w*|"
           r"rall(?:y|ies)|hunger strike|sit-ins?|mass (?:action|mobili[sz]ation)|civil disobedience|"
           r"take to the streets|street protests?)\b")
BLOCKADE = (r"\b(?:blockad\w*|block(?:ade)? (?:the )?(?:strait|port|ports|shipping|sea lanes)|clos\w* (?:the )?"
            r"(?:strait|ports|airspace|sea lanes)|siege|besiege)\b")
OCCUPY = (r"\b(?:occupy|occupation|annex\w*|seize (?:territory|land|the city|the region|control)|take over (?:the )?"
          r"(?:city|territory|region|country))\b")
UNCONV = (r"\b(?:suicide|bomb(?:ing|ings)|terror\w*|kidnap\w*|assassinat\w*|behead\w*|hostages?|abduct\w*|"
          r"car bombs?)\b")
CONV = (r"\b(?:attack\w*|strike\w*|invad\w*|invasion|bomb|bombs|bombed|shell\w*|missiles?|airstrikes?|air strikes|"
        r"ground (?:offensive|operation|invasion)|offensive|hit targets|fire on|open fire|shoot down)\b")
MILGEN = (r"\b(?:military|force|war|retaliat\w*|respond\w*|response|revenge|aveng\w*|intervene|intervention|"
          r"destroy\w*|crush\w*|wipe out|annihilat\w*|punish\w*|eliminat\w*|armed)\b")
THREATS = [
    ("ultimatum", r"\b(?:ultimatum|deadline)\b", "139"),
    ("WMD", WMD, "1385"),
    ("halt negotiations", HALT_TALKS, "134"),
    ("halt mediation", HALT_MEDIATION, "135"),
    ("halt international involvement", HALT_INTL, "136"),
    ("reduce or stop aid", AID_CUT, "1311"),
    ("reduce or break relations", RELATIONS_CUT, "1313"),
    ("sanctions", SANCTIONS, "1312"),
    ("ban parties", BAN_PARTY, "1322"),
    ("curfew", CURFEW, "1323"),
    ("state of emergency", EMERGENCY, "1324"),
    ("violent repression", REPRESS, "137"),
    ("restrict freedoms", RESTRICT, "1321"),
    ("political dissent", DISSENT, "133"),
    ("blockade", BLOCKADE, "1381"),
    ("occupation", OCCUPY, "1382"),
    ("unconventional violence", UNCONV, "1383"),
    ("conventional attack", CONV, "1384"),
    ("military force", MILGEN, "138"),
]


def threat_block(lemma, pos, *, particle="", only=None, default="130"):
    for note, rx, code in THREATS:
        if only is not None and note not in only:
            continue
        row(lemma, pos, code, rx, particle, "threaten: " + note)
    if default:
        row(lemma, pos, default, "", particle, "threaten (unspecified)")


ACCUSE_TOPICS = [
    ("war crimes", r"\b(?:war crimes?|genocid\w*|crimes against humanity|ethnic cleansing|massacres?|atrocit\w*|"
     r"(?:targeting|killing|bombing|shelling|attacking|starving|murdering) (?:of )?(?:civilians|children|hospitals)|"
     r"(?:deliberately|indiscriminately) (?:targeting|killing|attacking|shelling|bombing)|chemical weapons|"
     r"human shields?|starvation as a weapon)\b", "1124"),
    ("human rights abuses", r"\b(?:human rights|rights (?:abuses|violations)|abuses?|tortur\w*|repression|"
     r"persecut\w*|discriminat\w*|disappearances|arbitrary (?:detentions?|arrests)|mistreat\w*|ill-treatment|rape|"
     r"forced labou?r|extrajudicial|apartheid|oppress\w*)\b", "1122"),
    ("espionage/treason", r"\b(?:spy\w*|spies|espionage|treason|traitors?|sabotag\w*|collaborat\w* with|"
     r"working for (?:a )?(?:foreign|enemy)|foreign agents?)\b", "1125"),
    ("crime/corruption", r"\b(?:corrupt\w*|fraud\w*|brib\w*|embezzl\w*|money[- ]laundering|launder\w*|theft|"
     r"stealing|smuggl\w*|traffick\w*|tax evasion|abuse of (?:power|office)|graft|crimes?|criminal|murder\w*|"
     r"terror\w*|rigg\w*|electoral fraud|conspir\w*|plot\w*|extortion|racketeering|obstruct\w*|perjury|"
     r"misconduct|wrongdoing|illegal\w*|unlawful\w*|kickbacks?|nepotism|cronyism)\b", "1121"),
    ("aggression", r"\b(?:aggress\w*|attack\w*|invad\w*|invasion|incursions?|provocat\w*|violat\w* (?:its |our |the |"
     r"their )?(?:airspace|territory|territorial|sovereignty|borders?|ceasefire|truce)|shell\w*|bomb\w*|strikes?|"
     r"militar\w*|hostil\w*|escalat\w*|warmonger\w*|expansion\w*|destabili[sz]\w*|belligeren\w*|"
     r"occup\w*|annex\w*)\b", "1123"),
]


def accuse_block(lemma, pos, *, particle="", default="112"):
    for note, rx, code in ACCUSE_TOPICS:
        row(lemma, pos, code, rx, particle, "accuse of " + note)
    if default:
        row(lemma, pos, default, "", particle, "accuse (unspecified)")


# aid provision: (note, regex, code)
PROVIDE = [
    ("asylum", r"\b(?:asylum|refuge|sanctuary)\b", "075"),
    ("peacekeeping/protection", PROTECTION, "074"),
    ("military aid", MILAID, "072"),
    ("humanitarian aid", HUMAID, "073"),
    ("economic aid", ECONAID, "071"),
    ("aid", AID, "070"),
]


def provide_block(lemma, pos, *, particle="", default=None, default_obj=""):
    for note, rx, code in PROVIDE:
        row(lemma, pos, code, rx, particle, "provide " + note)
    if default:
        row(lemma, pos, default, default_obj, particle, "provide (unspecified)")


# negative lookahead helper: matches any complement not mentioning the given words
def none_of(*words):
    return r"^(?!.*\b(?:" + "|".join(words) + r")\b)"


MILTARGET = (r"\b(?:city|cities|town|towns|village|villages|positions?|bases?|front|front ?lines?|stronghold|"
             r"strongholds|enclave|territory|region|province|district|port|airport|airfield|capital|troops|forces|"
             r"army|soldiers|rebels?|militants?|fighters|insurgents|garrison|defen[cs]es|lines|targets|"
             r"checkpoints?|outposts?|convoys?|military|tanks|warships?|ships?|vessels?)\b")
PROTESTERS = r"\b(?:protesters|protestors|demonstrators|crowds?|marchers|rioters|students|strikers|mourners)\b"
VERBAL = (r"\b(?:polic(?:y|ies)|decisions?|remarks?|comments?|proposals?|statements?|speech|record|stance|rhetoric|"
          r"handling|approach|budget|bills?|reforms?|plans?|views|chiefs|proceedings|impeachment|judiciary|prosecutors|media|credibility|integrity|"
          r"critics|criticism|claims?|report|ruling|verdict|legislation|law|idea)\b")
VISITOR = (r"\b(?:delegations?|president|prime minister|premier|ministers?|counterparts?|envoys?|ambassadors?|"
           r"visitors?|guests?|king|queen|emperor|crown prince|prince|leaders?|secretary|chancellor|chief|"
           r"head of state|delegates|pope|emir|sultan|sheikh|general)\b")
VISIT_PURPOSE = r"\b(?:talks|visit|summit|meetings?|negotiations|consultations|trip|tour|state visit|official visit)\b"


# =============================================================== 01 MAKE PUBLIC STATEMENT
V("decline", "011", r"\bcomment\w*|\b(?:to )?(?:discuss|speak|elaborate|confirm|answer|respond)\b", note="decline comment")
V("decline", "125", r"\b(?:invitation|talks|negotiations|to meet|meeting|summit|dialogue)\b", note="decline to meet")
V("decline", "126", MEDIATION, note="decline mediation")
V("decline", "120", r"\b(?:offer|request|proposal|demand|call|appeal|to (?!\d)[a-z]+)\b", note="decline (reject)")
V("refuse", "011", r"\bto (?:comment|discuss|speak|confirm|answer|respond|elaborate)\b", note="refuse comment")
N("refusal", "011", r"\bto (?:comment|discuss|confirm)\b", note="refusal to comment")

V("lament", "012", note="pessimistic comment")
V("bemoan", "012", note="pessimistic comment")
V("fear", "012", r"\b(?:crisis|catastroph\w*|disaster|collapse|famine|escalation|war|worst|bloodbath|civil war)\b",
  note="pessimistic comment")
V("predict", "012", r"\b(?:crisis|catastroph\w*|disaster|collapse|famine|recession|war|chaos|defeat|failure)\b",
  note="pessimistic forecast")
V("express", "055", r"\b(?:apolog\w*|remorse|contrition|regret (?:for|over) (?:the )?(?:deaths?|killings?|incident|"
  r"loss|attack|mistake|error|strike))\b", note="express apology")
V("express", "018", r"\b(?:condolences?|sympathy|sympathies|sorrow|grief|sadness|heartfelt)\b", note="express empathy")
V("express", "036", r"\b(?:readiness|willingness|openness|desire|interest|intention|wish|eagerness)\b.{0,40}?" + MEETING,
  note="express readiness to meet")
V("express", "039", r"\b(?:readiness|willingness|openness|desire|offer)\b.{0,40}?" + MEDIATION,
  note="express readiness to mediate")
V("express", "051", r"\b(?:support|backing|solidarity)\b", note="express support = endorse")
V("express", "051", r"\b(?:gratitude|thanks|appreciation|admiration|praise|satisfaction|approval)\b",
  note="praise")
V("express", "111", r"\b(?:condemnation|outrage|indignation|anger|fury|disgust|protest|revulsion)\b",
  note="denounce")
V("express", "110", r"\b(?:regret|disappointment|dismay|displeasure|disapproval|reservations|opposition|objection|"
  r"dissatisfaction|discontent|frustration|unhappiness)\b", note="disapprove")
V("express", "012", r"\b(?:concern|concerns|alarm|worry|worries|fear|fears|pessimism|doubts?|scepticism|skepticism|"
  r"unease)\b", note="pessimistic comment")
V("express", "013", r"\b(?:optimism|hope|hopes|confidence|cautious optimism)\b", note="optimistic comment")
V("express", "019", r"\b(?:accord|agreement|consensus|shared (?:view|position)|common position)\b", note="express accord")
V("express", "030", r"\b(?:readiness|willingness|openness|desire|interest|intention|wish|commitment)\b",
  note="express intent to cooperate")
for lemma in ("voice",):
    V(lemma, "012", r"\b(?:concern|concerns|alarm|worry|worries|fears?|doubts?|scepticism|skepticism)\b",
      note="pessimistic comment")
    V(lemma, "013", r"\b(?:optimism|hope|hopes|confidence)\b", note="optimistic comment")
    V(lemma, "051", r"\b(?:support|backing|solidarity)\b", note="express support = endorse")
    V(lemma, "111", r"\b(?:condemnation|outrage|indignation|anger|fury|criticism)\b", note="denounce")
    V(lemma, "110", r"\b(?:regret|disappointment|dismay|displeasure|disapproval|opposition|objections?|"
      r"reservations|dissatisfaction|frustration)\b", note="disapprove")
V("raise", "152", r"\b(?:alert|readiness|combat readiness|defcon)\b", note="increase military alert")
V("raise", "163", r"\b(?:tariffs?|duties|import taxes)\b", note="raise tariffs = trade sanction")
V("raise", "012", r"\b(?:concerns?|alarm|fears?|doubts?|the alarm|questions about)\b", note="pessimistic comment")
V("raise", "110", r"\b(?:objections?|complaints?)\b", note="disapprove")
V("raise", "141", r"\b(?:banners?|placards?|fists?|flags?)\b", note="demonstrate")
N("concern", "012", "", particle="over|about|at|regarding", note="expression of concern")
N("alarm", "012", "", particle="over|at|about", note="expression of alarm")
V("hope", "013", note="optimistic comment")
N("optimism", "013", note="optimistic comment")
V("consider", "014", SANCTIONS + r"|\b(?:options?|measures|steps|action|response|retaliation|intervention|"
  r"recognition|proposal|request|offer|bid|plan|deployment|withdrawal)\b", note="consider policy option")
for lemma in ("mull", "weigh", "contemplate", "ponder", "eye", "explore", "study", "review"):
    V(lemma, "014", SANCTIONS + r"|\b(?:options?|measures|steps|action|response|retaliation|intervention|recognition|"
      r"proposal|request|offer|bid|plan|deployment|withdrawal|possibility|ways|idea|move)\b",
      note="consider policy option")
V("claim", "015", r"\b(?:responsibility|credit)\b", note="claim responsibility")
N("claim", "015", r"\b(?:responsibility|credit)\b", note="claim of responsibility")
V("admit", "0862", r"\b(?:inspectors?|monitors?)\b", note="admit inspectors")
V("admit", "0861", r"\bpeace ?-? ?keep\w*", note="admit peacekeepers")
V("admit", "015", r"\b(?:responsib\w*|role|involvement|guilt|guilty|mistakes?|errors?|wrongdoing|carrying out|"
  r"kill\w*|attack\w*|shoot\w*|bomb\w*|causing|complicity|liability|culpability|fault|failures?|"
  r"to (?:having|killing|attacking|shooting|bombing|ordering|carrying))\b", note="acknowledge responsibility")
V("acknowledge", "015", r"\b(?:responsib\w*|role|involvement|guilt|mistakes?|errors?|wrongdoing|complicity|"
  r"failures?|carrying out|kill\w*|shoot\w*|strike|attack)\b", note="acknowledge responsibility")
V("confess", "015", note="claim responsibility")
V("take", "015", r"\b(?:responsibility|credit)\b", note="take responsibility")
N("confession", "015", note="claim responsibility")
N("admission", "015", r"\b(?:responsib\w*|guilt|role|involvement|wrongdoing)\b", note="admission of responsibility")
V("deny", "1245", r"\b(?:access|entry|permission|visas?)\b.{0,40}?\b(?:observers?|inspectors?|monitors?|journalists|"
  r"aid|humanitarian|un|investigators?|red cross|reporters|media)\b|\b(?:observers?|inspectors?|monitors?|"
  r"investigators?|journalists|aid workers)\b.{0,20}?\b(?:access|entry)\b", note="refuse international involvement")
V("deny", "120", r"\b(?:request|application|visas?|entry|access|permission|bail|asylum|landing|overflight|"
  r"clearance|demands?|petition|permits?|licen[cs]es?)\b", note="deny request (reject)")
V("deny", "016", note="deny responsibility / allegation")
N("denial", "016", note="deny responsibility")
V("refute", "016", note="deny responsibility")
V("disavow", "016", note="deny responsibility")
V("disclaim", "016", note="deny responsibility")
V("distance", "016", "", particle="from", note="distance oneself from = deny responsibility")
V("lay", "017", r"\bwreaths?\b", note="symbolic act")
V("lay", "191", r"\bsiege\b", note="lay siege = blockade")
V("lay", "0873", r"\b(?:arms|weapons)\b", particle="down", note="lay down arms")
V("lay", "190", r"\b(?:mines|landmines)\b", note="lay mines")
V("observe", "017", r"\b(?:minute|moment|minutes) of silence\b|\bsilence\b", note="symbolic act")
V("observe", "0871", CEASEFIRE, note="observe ceasefire")
V("commemorate", "017", note="symbolic act")
V("mourn", "018", note="empathetic act")
V("honour", "017", r"\b(?:victims|dead|fallen|memory|war dead|veterans)\b", note="symbolic act")
V("honor", "017", r"\b(?:victims|dead|fallen|memory|war dead|veterans)\b", note="symbolic act")
V("salute", "051", note="praise")
V("sympathize", "018", note="empathetic comment")
V("console", "018", note="empathetic comment")
V("condole", "018", note="empathetic comment")
N("condolence", "018", note="condolences")
N("sympathy", "018", "", particle="to|for|with", note="sympathy")
V("concur", "019", note="express accord")
V("share", "064", r"\b(?:intelligence|information|data|evidence|findings|files|satellite images)\b",
  note="share intelligence")
V("share", "019", r"\b(?:views?|concerns?|positions?|stance|assessment|goal|vision|commitment|opinion)\b",
  note="express accord")

# =============================================================== 02 APPEAL
V("appeal", "114", r"\b(?:verdict|ruling|sentence|conviction|judgm?ent|court|decision to (?:convict|jail|sentence)|"
  r"acquittal)\b", note="legal appeal = official complaint")
V("appeal", "114", r"\b(?:verdict|ruling|sentence|conviction|judgm?ent|court|tribunal|decision)\b", particle="against|to",
  note="legal appeal = official complaint")
block("appeal", "verb", "appeal")
N("appeal", "114", r"\b(?:verdict|ruling|sentence|conviction|judgm?ent|court|supreme court)\b",
  note="legal appeal = official complaint")
block("appeal", "noun", "appeal")
block("urge", "verb", "appeal")
V("call", "164", r"\b(?:talks|negotiations|dialogue|meeting|summit|visit|trip)\b", particle="off",
  note="call off talks = halt negotiations")
V("call", "082", r"\b(?:strike|protests?|demonstrations?|rally|march|boycott|sit-in|walkout|hunger strike)\b",
  particle="off", note="call off protest = ease dissent")
V("call", "087", r"\b(?:offensive|attacks?|operation|strikes?|assault|raids?|invasion|bombing)\b", particle="off",
  note="call off attack = de-escalate")
V("call", "154", r"\b(?:reservists|reserves|troops|soldiers|conscripts|national guard)\b", particle="up",
  note="call up reservists = mobilize")
block("call", "verb", "appeal", particle="for|on|upon", default=False)
V("call", "020", "", particle="for", note="call for = appeal (unspecified)")
V("call", "020", r"\bto (?!\d)[a-z]+", particle="on|upon", note="call on X to = appeal (unspecified)")
V("call", "041", r"\b(?:phone|telephone)\b", note="telephone call")
N("call", "041", r"\b(?:phone|telephone|video)\b", note="phone call")
N("call", "041", "", particle="with", note="call with = phone call")
block("call", "noun", "appeal", particle="for|on")
block("ask", "verb", "appeal", particle="for")
block("ask", "verb", "appeal", default_obj=r"^(?!.*\b(?:anonymity|not to be (?:named|identified|quoted))\b).*\bto (?!\d)[a-z]+")
block("request", "verb", "appeal")
block("request", "noun", "appeal")
block("seek", "verb", "appeal", default=False, skip=("yield",))
V("seek", "020", r"\b(?:clarification|explanation|assurances?|guarantees?|permission|approval|consent|asylum|refuge|"
  r"cooperation|access)\b", note="appeal (unspecified)")
V("press", "173", r"\bcharges?\b", note="press charges = legal action")
block("press", "verb", "appeal", particle="for")
block("press", "verb", "appeal", default_obj=r"\bto (?!\d)[a-z]+|\bon\b|\bover\b")
block("push", "verb", "appeal", particle="for")
V("push", "190", "", particle="into|toward|towards|deeper|forward|through",
  note="advance militarily")
V("push", "190", MILTARGET, particle="back", note="push back forces")
V("push", "020", r"\bto (?!\d)[a-z]+", note="appeal (unspecified)")
block("plead", "verb", "appeal", particle="for|with")
block("plea", "noun", "appeal")
block("encourage", "verb", "appeal")
for lemma in ("implore", "beg", "exhort", "beseech", "entreat", "petition", "lobby", "solicit", "advocate"):
    for name, rx, codes in TOPICS:
        if name in ("release", "ceasefire", "de-escalation", "meeting", "mediation", "military aid",
                    "humanitarian aid", "economic aid", "aid", "rights", "policy change", "leadership change",
                    "ease sanctions"):
            row(lemma, "verb", codes[0], rx, "", name)
    V(lemma, "020", note="appeal (unspecified)")
N("petition", "020", note="appeal")
N("invitation", "026", note="appeal to meet")
V("invite", "0255", INTL, note="invite observers")
V("invite", "028", MEDIATION, note="appeal to accept mediation")
V("invite", "026", note="invite = appeal to meet")
N("urging", "020", note="appeal")
N("entreaty", "020", note="appeal")

# =============================================================== 03 EXPRESS INTENT TO COOPERATE
INTENT_THREAT = [("threaten retaliation", RETALIATE, "138"),
                 ("threaten attack", CONV, "1384")]


def intent_block(lemma, pos, *, particle="", threats=False, default=True, skip=()):
    for name, rx, codes in TOPICS:
        if name in skip:
            continue
        row(lemma, pos, codes[2], rx, particle, "intent: " + name)
    if threats:
        for note, rx, code in INTENT_THREAT:
            row(lemma, pos, code, rx, particle, note)
    if default:
        row(lemma, pos, "030", "", particle, "intent to cooperate (unspecified)")


V("offer", "018", r"\b(?:condolences?|sympathy|sympathies)\b", note="empathetic comment")
V("offer", "055", r"\bapolog\w*", note="apologize")
V("offer", "0831", r"\bresignation\b", note="offer resignation")
V("offer", "075", r"\b(?:asylum|refuge|sanctuary)\b", note="grant asylum")
intent_block("offer", "verb")
N("offer", "075", r"\b(?:asylum|refuge)\b", note="offer of asylum")
intent_block("offer", "noun")
intent_block("promise", "verb", threats=True)
intent_block("promise", "noun", threats=True)
intent_block("pledge", "verb", threats=True)
intent_block("pledge", "noun", threats=True)
intent_block("vow", "verb", threats=True)
intent_block("vow", "noun", threats=True)
intent_block("commit", "verb", particle="to")
intent_block("commitment", "noun")
intent_block("propose", "verb")
intent_block("proposal", "noun")
V("agree", "0871", CEASEFIRE, particle="with|on|to", note="agree to ceasefire = declare truce")
V("agree", "057", r"\b(?:deal|agreement|accord|treaty|pact|framework|roadmap|road map|terms|protocol|memorandum|"
  r"declaration|settlement|compromise|text|arrangement)\b", particle="with|on", note="reach agreement")
V("agree", "036", MEETING, particle="with", note="agree to meet")
V("agree", "019", "", particle="with", note="agree with = express accord")
V("agree", "0871", CEASEFIRE, note="agree to ceasefire = declare truce")
# PLOVER: promises to sign or ratify agreements are AGREE, the signing itself SUPPORT
V("agree", "030", r"^to (?:sign|ratify|conclude)\b", note="agree to sign = promise to cooperate")
V("agree", "057", r"\b(?:deal|agreement|accord|treaty|pact|framework|roadmap|road map|protocol|memorandum|"
  r"declaration|settlement|text|arrangement)\b", note="reach agreement")
intent_block("agree", "verb", skip=("ceasefire",))
N("agreement", "0871", CEASEFIRE, note="ceasefire agreement")
V("undertake", "030", r"\bto (?!\d)[a-z]+", note="intent to cooperate")
V("volunteer", "030", note="intent to cooperate")
V("signal", "036", MEETING, note="signal readiness to meet")
V("signal", "0356", DEESCALATE + "|" + CEASEFIRE, note="signal de-escalation")
V("signal", "030", r"\b(?:readiness|willingness|openness|support|interest|intention|desire)\b", note="intent")
V("reaffirm", "051", r"\b(?:support|backing|solidarity)\b", note="reaffirm support = endorse")
V("reaffirm", "030", r"\b(?:commitment|intention|readiness|willingness|pledge)\b", note="intent")

# =============================================================== 04 CONSULT
V("meet", "083", r"\b(?:demands?|conditions|terms)\b", note="accede to demands")
V("meet", "040", "", particle="with", note="consult")
V("meet", "040", none_of("deadline", "target", "targets", "criteria", "expectations", "fate", "resistance", "needs"),
  note="consult")
N("meeting", "041", r"\b(?:phone|telephone|video|virtual|online)\b", note="remote meeting")
N("meeting", "040", note="consult")
NO_PRESS = none_of("reporters", "journalists", "press", "media", "television", "tv", "radio", "broadcaster",
                   "newspaper", "crowd", "audience", "supporters", "nation", "students", "conference", "parliament",
                   "lawmakers", "rally", "cameras", "reuters", "afp", "ap", "bbc", "cnn")
V("speak", "041", r"\b(?:phone|telephone|telephonically|video link|video call)\b", note="phone call")
V("speak", "040", NO_PRESS, particle="with", note="consult")
V("talk", "041", r"\b(?:phone|telephone|video link)\b", note="phone call")
V("talk", "046", r"\b(?:peace|ceasefire|deal|agreement|truce)\b", particle="with", note="negotiate")
V("talk", "040", NO_PRESS, particle="with|to", note="consult")
N("talk", "046", note="talks = negotiation")
N("conversation", "041", r"\b(?:phone|telephone|video)\b", note="phone call")
N("conversation", "040", "", particle="with", note="consult")
V("discuss", "041", r"\b(?:phone|telephone)\b", note="phone call")
V("discuss", "040", note="consult")
N("discussion", "040", "", particle="with", note="consult")
V("consult", "040", note="consult")
N("consultation", "040", note="consult")
V("confer", "040", note="consult")
V("huddle", "040", note="consult")
V("convene", "040", note="consult")
N("summit", "040", note="consult")
V("phone", "041", note="telephone")
V("telephone", "041", note="telephone")
V("ring", "041", particle="up", note="telephone")
V("visit", "042", note="make a visit")
N("visit", "042", note="make a visit")
N("trip", "042", "", particle="to", note="make a visit")
N("tour", "042", "", particle="of|to", note="make a visit")
V("tour", "042", note="make a visit")
V("travel", "042", "", particle="to", note="make a visit")
V("fly", "042", VISIT_PURPOSE, particle="to|into", note="make a visit")
V("arrive", "074", r"\bpeace ?-? ?keep\w*", note="peacekeeping deployment")
V("arrive", "042", VISIT_PURPOSE, note="make a visit")
N("arrival", "042", VISIT_PURPOSE, note="make a visit")
V("pay", "042", r"\bvisits?\b", note="pay a visit")
V("pay", "051", r"\btribute\b", note="pay tribute = praise")
V("pay", "018", r"\brespects\b", note="pay respects")
V("pay", "071", r"\b(?:compensation|reparations|aid)\b", note="pay compensation = economic aid")
V("make", "042", r"\b(?:visit|trip|tour|stopover)\b", note="make a visit")
V("make", "041", r"\b(?:phone|telephone)\b", note="phone call")
V("make", "055", r"\bapolog\w*", note="apologize")
V("make", "080", r"\bconcessions?\b", note="make concessions")
V("make", "173", r"\barrests?\b", note="make arrests")
V("make", "112", r"\b(?:accusations?|allegations?)\b", note="accuse")
V("make", "130", r"\bthreats?\b", note="threaten")
V("make", "100", r"\bdemands?\b", note="demand")
V("make", "020", r"\b(?:appeal|plea|request|calls? for)\b", note="appeal")
V("make", "030", r"\b(?:offer|proposal|pledge|promise|commitment)\b", note="intent")
V("have", "041", r"\b(?:phone|telephone) (?:call|conversation|talks)\b", note="phone call")
V("have", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
V("have", "040", r"\b(?:lunch|dinner|breakfast|meetings?|a meeting|discussions?|consultations|conversations?|"
  r"audience)\b", note="consult")
V("host", "075", r"\b(?:refugees|asylum seekers|migrants|displaced)\b", note="host refugees")
V("host", "043", note="host a visit / meeting")
V("receive", "054", r"\bcredentials\b", note="accept credentials = recognition")
V("receive", "043", VISITOR, note="host a visit")
V("welcome", "051", r"\b(?:decision|move|announcement|plan|step|statement|proposal|initiative|agreement|deal|news|"
  r"report|efforts?|call|offer|resolution|election|release|ceasefire|truce|commitment|progress|outcome|results?|"
  r"ruling|verdict|law|policy|measures?|steps|pledge|talks)\b", note="welcome a decision = endorse")
V("welcome", "043", VISITOR + r"|\b(?:visit|arrival)\b", note="host a visit")
V("welcome", "075", r"\b(?:refugees|asylum seekers|migrants)\b", note="welcome refugees")
V("welcome", "051", note="welcome = endorse")
V("greet", "043", VISITOR, note="host a visit")
V("mediate", "045", note="mediate")
N("mediation", "045", note="mediate")
V("broker", "045", note="mediate")
V("facilitate", "045", MEETING + r"|\b(?:deal|agreement|exchange|swap|ceasefire|truce|release)\b", note="mediate")
V("negotiate", "046", note="negotiate")
N("negotiation", "046", note="negotiate")
V("bargain", "046", "", particle="with", note="negotiate")
V("hold", "112", r"\b(?:responsible|accountable|liable|culpable)\b", note="hold responsible = accuse")
V("hold", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
V("hold", "041", r"\b(?:phone|telephone|video)\b", note="phone call")
V("hold", "040", r"\b(?:meetings?|consultations?|summit|discussions?|conference|dialogue)\b", note="consult")
V("hold", "017", r"\b(?:vigil|memorial|commemoration|ceremony|minute of silence|moment of silence)\b",
  note="symbolic act")
V("hold", "142", r"\bhunger strikes?\b", note="hunger strike")
V("hold", "143", r"\b(?:strikes?|walkouts?|boycotts?)\b", note="strike")
V("hold", "141", r"\b(?:rall(?:y|ies)|protests?|demonstrations?|marches|march|sit-ins?)\b", note="demonstrate")
V("hold", "184", r"\bhuman shields?\b", note="use as human shield")
V("hold", "181", r"\b(?:hostages?|captives?|captive|hostage)\b", note="hold hostage")
V("hold", "062", r"\bjoint (?:military )?(?:drills|exercises|maneuvers|manoeuvres|patrols)\b",
  note="joint exercises = military cooperation")
V("hold", "150", r"\b(?:drills|exercises|maneuvers|manoeuvres|war games|military parade|missile tests?)\b",
  note="show of force")
V("hold", "173", r"\b(?:without (?:charge|trial)|custody|detention|jail|prison|solitary|incommunicado|"
  r"prisoners?|detainees?)\b", note="detain")
V("engage", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
V("engage", "040", r"\b(?:dialogue|discussions?|consultations?|diplomacy)\b", note="consult")
V("engage", "190", r"\b(?:fighting|combat|battles?|clashes|firefights?|hostilities|targets|enemy|gunfight)\b",
  note="engage in combat")
V("engage", "040", "", particle="with", note="engage with = consult")
V("resume", "046", r"\b(?:talks|negotiations|dialogue)\b", note="negotiate")
V("resume", "054", r"\b(?:diplomatic )?(?:relations|ties)\b", note="restore relations")
V("resume", "190", r"\b(?:attacks?|fighting|strikes|airstrikes|shelling|offensive|hostilities|bombing|operations|"
  r"war|assault)\b", note="resume fighting")
V("resume", "070", r"\b(?:aid|assistance|deliveries|shipments|funding)\b", note="provide aid")
V("resume", "061", r"\b(?:trade|flights|exports|imports)\b", note="cooperate economically")
V("resume", "141", r"\b(?:protests?|demonstrations|rallies)\b", note="demonstrate")
V("resume", "150", r"\b(?:tests?|testing|drills|exercises)\b", note="show of force")
for lemma in ("start", "begin", "open", "launch", "initiate"):
    V(lemma, "045", MEDIATION, note="mediate")
    V(lemma, "046", r"\b(?:talks|negotiations|dialogue|peace process)\b", note="negotiate")
    V(lemma, "090", r"\b(?:investigation|probe|inquiry|enquiry|inquest|review)\b", note="investigate")
    V(lemma, "0874", r"\b(?:withdrawal|pullout|pull-out|retreat)\b", note="withdraw")
    V(lemma, "142", r"\bhunger strikes?\b", note="hunger strike")
    V(lemma, "141", r"\b(?:protests?|demonstrations?|rall(?:y|ies)|marches|sit-ins?)\b", note="demonstrate")
V("open", "190", r"\bfire\b", note="open fire")
V("open", "0863", r"\b(?:crossings?|corridors?|border|routes?|ports?)\b.{0,40}?\b(?:aid|humanitarian|relief|"
  r"supplies|civilians|evacuation)\b|\bhumanitarian corridors?\b", note="allow aid delivery")
V("open", "075", r"\bborders?\b.{0,60}?\b(?:refugees|migrants|asylum|displaced)\b", note="admit refugees")
V("open", "054", r"\b(?:embassy|consulate|diplomatic mission)\b", note="diplomatic relations")
V("open", "081", r"\b(?:borders?|frontiers?|airspace)\b(?! crossing)", note="open borders = ease restrictions")
V("open", "061", r"\b(?:trade|markets?|border crossing|economic)\b", note="cooperate economically")

# =============================================================== 05 DIPLOMATIC COOPERATION
for lemma in ("praise", "commend", "hail", "laud", "applaud", "congratulate", "thank", "compliment", "acclaim",
              "endorse", "champion", "extol", "cheer"):
    V(lemma, "051", note="praise or endorse")
for lemma in ("praise", "endorsement", "congratulation", "gratitude", "thanks", "tribute", "acclaim"):
    N(lemma, "051", note="praise or endorse")
V("embrace", "051", r"\b(?:plan|proposal|deal|idea|initiative|offer|agreement|call|policy|approach|vision)\b",
  note="endorse")
V("approve", "072", MILAID, note="approve arms = military aid")
V("approve", "071", ECONAID, note="approve funding = economic aid")
V("approve", "063", r"\bextradition\b", note="judicial cooperation")
V("approve", "051", note="endorse")
N("approval", "051", "", particle="of|for", note="endorse")
V("back", "080", "", particle="down|off|away", note="back down = yield")
V("back", "072", MILAID, note="back with arms")
V("back", "051", note="back = endorse")
V("support", "072", MILAID, note="support with arms")
V("support", "051", note="support = endorse")
N("support", "072", MILAID, note="military support")
N("support", "051", r"^(?!.*\b(?:military|weapons|arms|defen[cs]e|lethal)\b)", particle="for", note="support for = endorse")
V("defend", "190", r"\b(?:city|town|village|territory|positions|borders?|frontier|capital|homeland|airspace|bases?|"
  r"front ?lines?|against (?:attacks?|an? (?:attack|assault|offensive|invasion)))\b",
  note="military defence")
V("defend", "052", note="defend verbally")
N("defence", "052", r"\b(?:of (?:the|his|her|its|their) (?:decision|policy|actions|record|stance|position|move|"
  r"conduct))\b", note="verbal defence")
N("defense", "052", r"\b(?:of (?:the|his|her|its|their) (?:decision|policy|actions|record|stance|position|move|"
  r"conduct))\b", note="verbal defense")
V("justify", "052", note="defend verbally")
V("stand", "052", "", particle="by", note="stand by = defend verbally")
V("stand", "051", "", particle="with|behind", note="stand with = support")
V("stand", "0831", "", particle="down", note="stand down = resign")
V("side", "051", "", particle="with", note="side with = support")
V("rally", "053", r"\b(?:support|supporters|backing|allies|behind|around|coalition|international community|"
  r"partners|voters)\b", note="rally support")
V("rally", "053", "", particle="behind|around|to", note="rally behind")
V("rally", "1411", LEADER, note="demonstrate for leadership change")
V("rally", "1412", r"\b(?:polic(?:y|ies)|law|bill|reform|tax|taxes|prices?|cuts|austerity|pension|wages?|decision|"
  r"plan|ban|war|mandates?|vaccin\w*)\b", note="demonstrate for policy change")
V("rally", "1413", RIGHTS + r"|\b(?:racism|discrimination|justice)\b", note="demonstrate for rights")
V("rally", "141", note="demonstrate")
V("mobilize", "153", r"\bpolice\b", note="mobilize police")
V("mobilize", "154", r"\b(?:troops|soldiers|army|military|forces|reservists|reserves|conscripts|units|"
  r"national guard|men)\b|\b\d", note="mobilize armed forces")
V("mobilize", "053", r"\b(?:support|supporters|allies|international community|voters|coalition)\b",
  note="rally support")
V("mobilize", "113", "", particle="against", note="rally opposition")
V("recognize", "054", r"\b(?:independence|statehood|state|sovereignty|government|regime|republic|country|"
  r"annexation|as (?:a |an |the )?(?:state|country|legitimate|sovereign|president|government|representative))\b",
  note="diplomatic recognition")
V("recognize", "015", r"\b(?:responsibility|mistakes?|errors?|wrongdoing|guilt)\b", note="acknowledge responsibility")
N("recognition", "054", "", particle="of|for", note="diplomatic recognition")
V("establish", "054", r"\b(?:diplomatic (?:relations|ties)|relations|ties|embassy)\b", note="diplomatic recognition")
V("establish", "191", r"\b(?:checkpoints?|blockade|buffer zone|no-fly zone|cordon|exclusion zone)\b",
  note="restrict movement")
V("restore", "054", r"\b(?:relations|ties|diplomatic)\b", note="restore relations")
V("normalize", "054", r"\b(?:relations|ties)\b", note="normalize relations")
N("normalization", "054", note="normalize relations")
V("upgrade", "050", r"\b(?:relations|ties|partnership|cooperation)\b", note="diplomatic cooperation")
V("strengthen", "154", r"\b(?:forces|troops|military presence|troop presence|garrison|defen[cs]es)\b",
  note="mobilize armed forces")
V("strengthen", "050", r"\b(?:relations|ties|partnership|cooperation|alliance|friendship)\b",
  note="diplomatic cooperation")
V("deepen", "050", r"\b(?:relations|ties|partnership|cooperation|alliance|friendship)\b",
  note="diplomatic cooperation")
V("forge", "057", r"\b(?:agreement|deal|accord|pact|treaty)\b", note="sign agreement")
V("forge", "050", r"\b(?:alliance|ties|partnership|relations|coalition)\b", note="diplomatic cooperation")
V("ally", "050", note="ally")
V("partner", "050", "", particle="with", note="cooperate")
V("team", "050", "", particle="up", note="cooperate")
V("reconcile", "050", note="reconcile")
N("reconciliation", "050", note="reconcile")
V("apologize", "055", note="apologize")
N("apology", "055", note="apologize")
V("forgive", "056", note="forgive")
V("pardon", "0841", r"\b(?:prisoners?|detainees?|inmates|convicts|dissidents|activists|journalists|protesters)\b",
  note="pardon prisoners = release")
V("pardon", "056", note="forgive")
N("pardon", "0841", note="release")
N("amnesty", "0841", note="amnesty = release")
V("sign", "0871", CEASEFIRE, note="sign ceasefire")
V("sign", "057", r"\b(?:agreements?|deals?|treaty|treaties|accords?|pacts?|memorand\w*|mous?|protocols?|"
  r"contracts?|declarations?|charter|communiqu\w*|framework|roadmap|convention|partnership|armistice)\b",
  note="sign formal agreement")
V("sign", "163", SANCTIONS, note="sign sanctions")
N("signing", "057", note="sign agreement")
for lemma in ("conclude", "ink", "seal", "clinch", "finalize", "ratify"):
    V(lemma, "0871", CEASEFIRE, note="ceasefire agreement")
    V(lemma, "057", r"\b(?:agreements?|deals?|treaty|treaties|accords?|pacts?|memorand\w*|protocols?|contracts?|"
      r"framework|roadmap|convention|partnership)\b", note="sign formal agreement")
V("ratify", "057", note="ratify agreement")
N("ratification", "057", note="ratify agreement")
V("reach", "0871", CEASEFIRE, note="reach ceasefire")
V("reach", "057", r"\b(?:agreement|deal|accord|settlement|compromise|understanding|consensus|pact)\b",
  note="reach agreement")
V("strike", "057", r"\b(?:deal|agreement|accord|bargain|compromise|pact)\b", note="strike a deal")

# =============================================================== 06 MATERIAL COOPERATION
for lemma, pos in (("cooperate", "verb"), ("cooperation", "noun"), ("collaborate", "verb"),
                   ("collaboration", "noun")):
    row(lemma, pos, "062", MILCOOP + r"|\b(?:military|defen[cs]e|security(?! council)|counter-?terror\w*|"
        r"naval|army)\b", "", "military cooperation")
    row(lemma, pos, "064", r"\b(?:intelligence|information|data)\b", "", "share intelligence")
    row(lemma, pos, "063", r"\b(?:investigat\w*|probe|inquiry|judicial|court|tribunal|prosecut\w*|extradit\w*|"
        r"police|law enforcement|legal)\b", "", "judicial cooperation")
    row(lemma, pos, "061", ECONCOOP + r"|\b(?:economic|energy|trade|investment|business|financial)\b", "",
        "economic cooperation")
    row(lemma, pos, "050", "", "", "cooperation (unspecified)")
V("invest", "061", note="cooperate economically")
N("investment", "061", "", particle="in|into", note="cooperate economically")
V("trade", "112", r"\b(?:accusations|barbs|blame|insults|charges|recriminations|allegations)\b", note="accuse")
V("trade", "190", r"\b(?:fire|shots|artillery|strikes|blows|rockets|missiles|gunfire)\b", note="fighting")
V("trade", "0841", r"\b(?:prisoners|captives|detainees)\b", note="prisoner exchange")
V("extradite", "063", note="judicial cooperation")
N("extradition", "063", note="judicial cooperation")
V("exchange", "0841", r"\b(?:prisoners|captives|detainees|hostages|pows|bodies|remains)\b", note="exchange prisoners")
V("exchange", "190", r"\b(?:fire|gunfire|shots|artillery|rockets|strikes|blows)\b", note="exchange fire")
V("exchange", "064", r"\b(?:intelligence|information|data)\b", note="share intelligence")
V("exchange", "040", r"\b(?:views|opinions|ideas)\b", note="consult")
V("exchange", "112", r"\b(?:accusations|barbs|insults|recriminations)\b", note="accuse")
N("exchange", "0841", r"\b(?:prisoners|captives|detainees|hostages|pows|bodies)\b", note="prisoner exchange")
N("exchange", "190", r"\b(?:fire|gunfire|shots|artillery)\b", note="exchange of fire")
V("swap", "0841", note="prisoner swap")
N("swap", "0841", note="prisoner swap")
V("train", "062", r"\b(?:troops|forces|soldiers|army|pilots|police|militias?|officers|recruits|military|units|"
  r"security forces|fighters|personnel)\b", note="military cooperation")
V("perform", "062", r"\bjoint\b", note="military cooperation")
V("perform", "150", r"\b(?:drills|exercises|maneuvers|manoeuvres|war games)\b", note="show of force")
V("stage", "062", r"\bjoint (?:military )?(?:drills|exercises|maneuvers|manoeuvres|war games|patrols)\b",
  note="military cooperation")
V("conduct", "062", r"\bjoint (?:military )?(?:drills|exercises|maneuvers|manoeuvres|patrols|operations?)\b",
  note="military cooperation")
V("conduct", "150", r"\b(?:drills|exercises|maneuvers|manoeuvres|war games|tests?|missile tests?|patrols|"
  r"show of force)\b", note="show of force")
V("conduct", "195", r"\b(?:airstrikes?|air strikes?|air raids?|drone strikes?|aerial|bombing (?:raids|runs|campaign)|"
  r"sorties)\b", note="aerial weapons")
V("conduct", "190", r"\b(?:strikes?|raids?|attacks?|assaults?|offensive|operations?|incursions?|shelling|ambush)\b",
  note="military force")
V("conduct", "090", INVESTIGATION, note="investigate")
V("conduct", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
V("conduct", "173", r"\b(?:arrests?|searches|detentions?|interrogations?)\b", note="arrest")
V("sell", "062", r"\b(?:weapons?|arms|jets|fighter jets|missiles?|drones|tanks|military|munitions|ammunition|"
  r"helicopters|warships?|submarines|air[- ]defen[cs]e)\b", note="arms sales = military cooperation")
V("buy", "062", r"\b(?:weapons?|arms|jets|fighter jets|missiles?|drones|tanks|munitions|ammunition|"
  r"helicopters|warships?|submarines|air[- ]defen[cs]e|s-400s?)\b", note="arms purchases = military cooperation")
V("purchase", "062", r"\b(?:weapons?|arms|jets|missiles?|drones|tanks|munitions|ammunition|helicopters|"
  r"warships?|air[- ]defen[cs]e)\b", note="arms purchases")

# =============================================================== 07 PROVIDE AID
V("provide", "064", r"\b(?:intelligence|information|data|evidence|satellite images|coordinates)\b",
  note="share information")
provide_block("provide", "verb", default="070",
              default_obj=none_of("details", "update", "updates", "comment", "comments", "statement", "figures",
                                  "no", "context", "timeline", "breakdown", "answer", "answers", "explanation"))
provide_block("give", "verb")
V("give", "139", r"\b(?:ultimatum|deadline)\b", note="ultimatum")
V("give", "064", r"\b(?:intelligence|account information|data|information (?:on|about))\b", note="share information")
V("give", "0873", r"\b(?:arms|weapons)\b", particle="up", note="give up arms")
V("give", "080", "", particle="up|in", note="give up = yield")
V("give", "051", r"\b(?:green light|blessing|endorsement|approval|backing|support)\b", note="endorse")
V("send", "195", r"\b(?:jets|warplanes|bombers|aircraft|drones|planes|helicopters)\b.{0,60}?\bto (?:bomb|strike|attack|destroy|hit|target)\b",
  note="send aircraft to strike")
V("send", "074", r"\bpeace ?-? ?keep\w*", note="send peacekeepers")
V("send", "154", r"\b(?:troops|soldiers|forces|reinforcements|warships?|aircraft carriers?|battalions?|brigades?|"
  r"marines|paratroopers)\b", note="deploy forces")
provide_block("send", "verb")
V("send", "018", r"\bcondolences?\b", note="condolences")
V("send", "042", r"\b(?:envoys?|delegations?|emissar\w*|ministers?|diplomats?|representatives?|mediators?)\b",
  note="send envoy = visit")
V("send", "154", r"\b(?:carrier|bombers|units|military)\b", note="deploy forces")
provide_block("deliver", "verb")
V("deliver", "139", r"\bultimatum\b", note="ultimatum")
V("deliver", "130", r"\bwarnings?\b", note="warn")
provide_block("supply", "verb")
V("supply", "061", r"\b(?:gas|oil|energy|grain|electricity|coal|goods)\b", note="economic cooperation")
V("supply", "070", note="provide aid")
provide_block("donate", "verb", default="070")
provide_block("contribute", "verb")
provide_block("grant", "verb")
V("grant", "075", r"\b(?:asylum|refugee status|refuge)\b", note="grant asylum")
V("grant", "054", r"\b(?:recognition|credentials|accreditation)\b", note="diplomatic recognition")
V("grant", "0841", r"\b(?:amnesty|pardons?|clemency|release|parole|bail)\b", note="release")
V("grant", "086", r"\b(?:access|permission|entry)\b.{0,40}?\b(?:inspectors?|observers?|monitors?|investigators?|"
  r"journalists|un|international|aid|humanitarian)\b", note="allow international involvement")
V("grant", "0833", r"\b(?:autonomy|independence|rights|citizenship|self-rule|suffrage|vote)\b",
  note="accede to demands for rights")
provide_block("airdrop", "verb", default="073")
provide_block("airlift", "verb", default="073")
provide_block("ship", "verb")
provide_block("transfer", "verb")
provide_block("allocate", "verb")
provide_block("disburse", "verb", default="071")
provide_block("extend", "verb")
V("extend", "018", r"\bcondolences?\b", note="condolences")
V("extend", "1723", CURFEW, note="curfew")
V("extend", "1724", EMERGENCY, note="state of emergency")
V("extend", "163", SANCTIONS, note="sanctions")
V("extend", "0871", CEASEFIRE, note="ceasefire")
V("extend", "026", r"\binvitation\b", note="invitation")
V("extend", "074", r"\b(?:mandate|mission)\b", note="extend peacekeeping mandate")
V("extend", "173", r"\b(?:detention|custody|arrest|sentence|jail term)\b", note="detention")
provide_block("aid", "noun", default="070")
provide_block("assistance", "noun", default="070")
N("loan", "071", note="economic aid")
N("donation", "070", note="provide aid")
N("airdrop", "073", note="humanitarian aid")
N("airlift", "073", note="humanitarian aid")
N("shipment", "072", MILAID, note="military aid")
N("shipment", "073", HUMAID, note="humanitarian aid")
N("delivery", "072", MILAID, note="military aid")
N("delivery", "073", HUMAID + r"|\baid\b", note="humanitarian aid")
V("fund", "072", r"\b(?:militias?|rebels?|insurgents|militants|terror\w*|weapons|arms|army|military|armed groups?)\b",
  note="fund armed groups")
V("fund", "071", note="economic aid")
V("finance", "072", r"\b(?:militias?|rebels?|insurgents|militants|terror\w*|weapons|arms|army|military|armed groups?)\b",
  note="fund armed groups")
V("finance", "071", note="economic aid")
V("bankroll", "071", note="economic aid")
V("arm", "072", note="military aid")
V("equip", "072", note="military aid")
V("aid", "072", MILAID, note="military aid")
V("aid", "070", note="provide aid")
V("assist", "073", HUMAID, note="humanitarian aid")
V("assist", "070", note="provide aid")
V("rescue", "073", r"\b(?:civilians|migrants|refugees|survivors|people|residents|villagers|children|passengers)\b",
  note="humanitarian assistance")
V("evacuate", "161", r"\b(?:embassy|consulate|diplomats?|diplomatic staff|embassy staff)\b",
  note="evacuate embassy = reduce relations")
V("evacuate", "073", r"\b(?:civilians|wounded|injured|residents|people|children|citizens|nationals|patients|"
  r"refugees|villagers|families|foreigners|sick|elderly)\b", note="evacuation as humanitarian aid")
N("evacuation", "161", r"\b(?:embassy|consulate|diplomats?|diplomatic staff)\b", note="evacuate embassy")
N("evacuation", "073", r"\b(?:civilians|wounded|injured|residents|people|children|citizens|nationals|patients|"
  r"refugees|foreigners)\b", note="evacuation as humanitarian aid")
V("shelter", "075", r"\b(?:refugees|asylum seekers|migrants|displaced|dissidents|fugitives?)\b", note="grant asylum")
V("resettle", "075", r"\b(?:refugees|asylum seekers|migrants)\b", note="grant asylum")
N("asylum", "075", particle="to", note="grant asylum")

# =============================================================== 08 YIELD
for lemma in ("yield", "concede", "relent", "capitulate", "acquiesce", "cave"):
    V(lemma, "080", note="yield")
N("concession", "080", note="yield")
V("cede", "080", note="yield")
V("comply", "080", note="yield")
N("compliance", "080", "", particle="with", note="yield")
V("abide", "080", "", particle="by", note="yield")
EASE_ROWS = [
    ("curfew", CURFEW, "0813"),
    ("state of emergency", EMERGENCY, "0814"),
    ("political ban", r"\bbans? on (?:the )?(?:political )?(?:parties|party|opposition|candidates?|politicians?)\b",
     "0812"),
    ("political freedoms", r"\b(?:restrictions? on (?:the )?(?:media|press|speech|assembly|protests?|gatherings|"
     r"internet|political)|censorship|media blackout|internet (?:shutdown|blackout)|ban on (?:protests?|rallies|"
     r"gatherings|media|newspapers?|websites?|social media))\b", "0811"),
    ("sanctions", SANCTIONS, "085"),
    ("blockade", r"\b(?:blockade|siege)\b", "0872"),
    ("administrative sanctions", r"\b(?:restrictions|bans?|travel ban|lockdown|visa requirements?)\b", "081"),
]
for lemma in ("ease", "lift", "relax", "loosen"):
    for note, rx, code in EASE_ROWS:
        V(lemma, code, rx, note="ease " + note)
V("lift", "173", r"\bimmunity\b", note="lift immunity = legal action")
V("ease", "087", r"\btensions?\b", note="de-escalate")
for lemma in ("revoke", "rescind", "repeal", "waive", "remove", "unfreeze"):
    for note, rx, code in EASE_ROWS:
        V(lemma, code, rx, note="ease " + note)
V("revoke", "172", r"\b(?:visas?|accreditation|licen[cs]es?|credentials|citizenship|nationality|passports?|"
  r"permits?|residency)\b", note="administrative sanction")
V("revoke", "161", r"\b(?:recognition|diplomatic status)\b", note="reduce relations")
V("revoke", "160", r"\b(?:agreement|treaty|deal|accord|status)\b", note="reduce relations")
V("repeal", "0832", r"\b(?:law|laws|bill|decree|legislation|policy|tax|reform|amendment)\b", note="policy change")
V("reverse", "0832", r"\b(?:decision|policy|ban|course|law|order|decree|plan|move)\b", note="policy change")
V("scrap", "085", SANCTIONS, note="ease sanctions")
V("scrap", "0832", r"\b(?:plans?|law|policy|tax|reform|bill|decree|project|proposal|rule)\b", note="policy change")
V("scrap", "164", r"\b(?:talks|negotiations|summit|meeting|visit)\b", note="halt negotiations")
V("scrap", "160", r"\b(?:deal|agreement|treaty|accord|pact|contract)\b", note="reduce relations")
V("drop", "195", r"\b(?:bombs?|barrel bombs?|munitions|explosives)\b", note="aerial weapons")
V("drop", "085", SANCTIONS, note="ease sanctions")
V("drop", "080", r"\b(?:demands?|objections?|opposition|claims?|conditions|preconditions|veto|bid|"
  r"insistence)\b", note="yield")
V("drop", "0841", r"\bcharges\b", note="drop charges = release")
V("roll", "085", SANCTIONS, particle="back", note="ease sanctions")
V("roll", "081", r"\b(?:restrictions|bans?|curbs|controls)\b", particle="back", note="ease administrative sanctions")
V("roll", "190", MILTARGET, particle="back", note="push back forces")
V("release", "0842", r"\b(?:ships?|vessels?|tankers?|assets|funds|property|cargo|aircraft|planes?|"
  r"bodies|remains|frozen)\b", note="release property")
NOT_RELEASED_THING = none_of("statement", "statements", "report", "reports", "video", "videos", "footage", "figures",
                             "data", "results", "details", "list", "document", "documents", "album", "images?",
                             "photos?", "photographs?", "pictures?", "recording", "audio", "transcript", "findings",
                             "survey", "poll", "study", "book", "film", "song", "names?", "information", "version",
                             "update", "budget", "plan", "guidance", "guidelines", "forecast", "estimates?", "tape",
                             "communiqu\\w*", "letter", "map", "documentary", "memoir", "evidence", "files",
                             "emissions?", "gas", "water", "balloons?", "reserves", "oil", "radiation",
                             "new", "products?", "software", "app", "game", "statistics", "numbers", "text",
                             "proposal", "white paper", "assessment", "analysis", "programme", "program", "aid", "funding",
                             "money", "tranche", "loans?", "billion", "million", "grain", "stocks?", "reserve",
                             "funds", "trailer", "single", "episode", "earnings", "quarterly")
V("release", "0841", NOT_RELEASED_THING, note="release persons")
N("release", "0842", r"\b(?:ships?|vessels?|tankers?|assets|funds|property|cargo|aircraft|bodies|remains)\b",
  note="release property")
N("release", "0841", r"\b(?:hostages?|prisoners?|detainees?|captives?|journalists?|activists?|dissidents?|"
  r"soldiers|sailors|crew|citizens|nationals|abductees?|him|her|them|leader|opposition)\b", note="release persons")
V("free", "0841", note="release persons")
V("return", "0841", r"\b(?:prisoners?|detainees?|captives?|hostages?|abductees?|children|soldiers|pows|"
  r"deportees|nationals|citizens|fishermen|crew|sailors)\b", note="return persons")
V("return", "0842", r"\b(?:territory|territories|land|islands?|property|artifacts|artefacts|assets|ships?|vessels?|"
  r"sculptures?|artworks?|antiquities|relics|treasures|statues?|manuscripts|paintings|"
  r"bodies|remains|seized|confiscated|control of)\b", note="return property")
V("hand", "0841", r"\b(?:prisoners?|hostages?|detainees?|captives?|bodies|remains)\b", particle="over|back",
  note="hand over persons")
V("hand", "063", r"\b(?:suspects?|fugitives?|accused|perpetrators|wanted|culprits)\b", particle="over",
  note="hand over suspects = judicial cooperation")
V("hand", "0873", r"\b(?:arms|weapons)\b", particle="over", note="hand over weapons = demobilize")
V("hand", "0842", r"\b(?:territory|control|power|land|islands?|bases?|property|assets|weapons)\b",
  particle="over|back", note="hand over property/control")
V("repatriate", "0841", note="return persons")
N("repatriation", "0841", note="return persons")
V("withdraw", "161", r"\b(?:ambassador|envoy|diplomats?|diplomatic staff|embassy|recognition|charg\w+ d'affaires)\b",
  note="reduce diplomatic relations")
V("withdraw", "164", r"\b(?:talks|negotiations|dialogue|peace process)\b", note="halt negotiations")
V("withdraw", "165", MEDIATION, note="halt mediation")
V("withdraw", "1661", r"\bpeace ?-? ?keep\w*", note="withdraw peacekeepers")
V("withdraw", "1662", r"\b(?:observers?|inspectors?|monitors?|monitoring mission)\b", note="withdraw observers")
V("withdraw", "1663", r"\b(?:aid workers|aid agencies|aid staff|humanitarian staff|ngo staff|relief workers)\b",
  note="withdraw aid agencies")
V("withdraw", "1622", MILAID, note="stop military aid")
V("withdraw", "162", r"\b(?:aid|assistance|funding|funds|support|financing|loans?|grants?)\b", note="stop aid")
V("withdraw", "0832", r"\b(?:bill|law|decree|legislation|proposal|plan|measure|policy|reform|order)\b",
  note="withdraw bill = accede to demands for policy change")
V("withdraw", "0874", r"\b(?:troops|forces|soldiers|army|military|units|fighters|personnel|tanks|battalions?|"
  r"brigades?|militias?|contingent)\b", note="withdraw troops = retreat")
V("withdraw", "160", r"\b(?:treaty|agreement|accord|deal|pact|alliance|convention|organi[sz]ation|union|council|"
  r"coalition|nato|membership|court|icc|who|unesco)\b", note="withdraw from treaty = reduce relations")
V("withdraw", "166", note="withdraw (unspecified)")
N("withdrawal", "161", r"\b(?:ambassador|envoy|diplomats?|diplomatic staff|recognition)\b", note="reduce relations")
N("withdrawal", "164", r"\b(?:talks|negotiations|dialogue)\b", note="halt negotiations")
N("withdrawal", "1661", r"\bpeace ?-? ?keep\w*", note="withdraw peacekeepers")
N("withdrawal", "1662", r"\b(?:observers?|inspectors?|monitors?)\b", note="withdraw observers")
N("withdrawal", "160", r"\b(?:treaty|agreement|accord|deal|pact|alliance|convention|organi[sz]ation|nato|union|"
  r"membership)\b", note="reduce relations")
N("withdrawal", "0874", note="troop withdrawal = retreat")
V("pull", "164", r"\b(?:talks|negotiations)\b", particle="out", note="halt negotiations")
V("pull", "160", r"\b(?:treaty|agreement|accord|deal|pact|alliance|coalition)\b", particle="out",
  note="reduce relations")
V("pull", "0874", "", particle="out|back", note="pull out troops = retreat")
N("pullout", "0874", note="retreat")
N("pullback", "0874", note="retreat")
V("retreat", "0874", note="retreat militarily")
N("retreat", "0874", note="retreat militarily")
V("surrender", "0873", r"\b(?:weapons|arms)\b", note="demobilize")
V("surrender", "0874", note="surrender militarily")
N("surrender", "0874", note="surrender militarily")
for lemma in ("disarm", "demobilize", "disband", "decommission"):
    V(lemma, "0873", note="demobilize armed forces")
for lemma in ("disarmament", "demobilization", "decommissioning"):
    N(lemma, "0873", note="demobilize armed forces")
V("allow", "0861", r"\bpeace ?-? ?keep\w*", note="receive peacekeepers")
V("allow", "0862", r"\b(?:inspectors?|inspections?|monitors?)\b", note="receive inspectors")
V("allow", "0863", r"\b(?:aid|humanitarian|convoys?|relief|supplies|food|medicine|fuel|trucks)\b",
  note="allow delivery of aid")
V("allow", "086", r"\b(?:observers?|investigators?|international|un|red cross|icrc|journalists|foreign)\b",
  note="allow international involvement")
V("allow", "0811", r"\b(?:protests?|rallies|demonstrations|opposition|media|press|free speech|gatherings)\b",
  note="ease restrictions on political freedoms")
V("let", "0841", r"\b(?:free|go)\b", note="let free = release")
for lemma in ("permit", "let"):
    V(lemma, "0861", r"\bpeace ?-? ?keep\w*", note="receive peacekeepers")
    V(lemma, "0862", r"\b(?:inspectors?|inspections?|monitors?)\b", note="receive inspectors")
    V(lemma, "0863", r"\b(?:aid|humanitarian|convoys?|relief|supplies|trucks)\b", note="allow aid")
    V(lemma, "086", r"\b(?:observers?|investigators?|international|un|red cross|journalists)\b",
      note="allow international involvement")
V("accept", "0871", CEASEFIRE, note="accept ceasefire")
V("accept", "083", r"\b(?:demands?|conditions|terms|ultimatum)\b", note="accede to demands")
V("accept", "0831", r"\bresignation\b", note="change in leadership")
V("accept", "038", MEDIATION, note="accept mediation")
V("accept", "036", r"\binvitation\b", note="accept invitation to meet")
V("accept", "0861", r"\bpeace ?-? ?keep\w*", note="receive peacekeepers")
V("accept", "0862", r"\b(?:inspectors?|inspections?|monitors?)\b", note="receive inspectors")
V("accept", "075", r"\b(?:refugee\w*|asylum seekers|migrants|displaced)\b", note="grant asylum")
V("accept", "015", r"\b(?:responsibility|blame|liability|guilt)\b", note="claim responsibility")
V("accept", "056", r"\bapolog\w*", note="forgive")
V("accept", "054", r"\bcredentials\b", note="recognition")
V("accept", "057", r"\b(?:deal|agreement|accord|treaty|peace plan|peace deal|settlement|compromise)\b",
  note="agreement")
V("accept", "080", r"\b(?:proposal|plan|offer|ruling|verdict|results?|outcome|defeat)\b", note="yield")
N("acceptance", "080", "", particle="of", note="yield")
V("resign", "0831", note="resignation = accede to leadership change")
N("resignation", "0831", note="resignation")
V("step", "0831", "", particle="down|aside", note="step down")
V("step", "153", r"\b(?:security|patrols|police|policing|checks|checkpoints|surveillance)\b", particle="up",
  note="mobilize police")
V("step", "154", r"\b(?:military presence|deployments?|troops|forces|military)\b", particle="up",
  note="mobilize armed forces")
V("step", "163", SANCTIONS, particle="up", note="sanctions")
V("step", "195", r"\b(?:airstrikes|air strikes|air raids|bombing|drone strikes|air campaign)\b", particle="up",
  note="aerial weapons")
V("step", "190", r"\b(?:attacks|strikes|offensive|shelling|assaults?|raids|operations|fighting|war|campaign)\b",
  particle="up", note="escalate fighting")
V("step", "070", r"\b(?:aid|assistance|support|deliveries)\b", particle="up", note="provide aid")
V("step", "020", r"\b(?:calls|pressure|appeals|demands)\b", particle="up", note="appeal")
V("quit", "0831", r"\b(?:post|office|job|position|presidency|premiership|government|cabinet|role|seat|party "
  r"leader|leadership|as)\b", note="resign")
V("quit", "164", r"\b(?:talks|negotiations|dialogue)\b", note="halt negotiations")
V("quit", "160", r"\b(?:treaty|agreement|accord|deal|pact|alliance|coalition|organi[sz]ation|union|council)\b",
  note="reduce relations")
V("end", "0813", CURFEW, note="ease curfew")
V("end", "0814", EMERGENCY, note="ease state of emergency")
V("end", "085", SANCTIONS, note="ease sanctions")
V("end", "0872", r"\b(?:siege|blockade)\b", note="ease blockade")
V("end", "0874", r"\b(?:occupation|presence|deployment|mission)\b", note="withdraw")
V("end", "087", r"\b(?:war|fighting|hostilities|offensive|operations?|campaign|attacks|bombing|conflict|"
  r"airstrikes|strikes)\b", note="de-escalate")
V("end", "082", r"\b(?:protests?|strike|hunger strike|boycott|sit-in|demonstrations|occupation of)\b",
  note="ease dissent")
V("end", "161", r"\b(?:relations|ties|diplomatic)\b", note="break relations")
V("end", "162", r"\b(?:aid|assistance|funding|support|financing)\b", note="stop aid")
V("end", "160", r"\b(?:cooperation|agreement|treaty|deal|partnership|membership)\b", note="reduce relations")
V("end", "164", r"\b(?:talks|negotiations|dialogue)\b", note="halt negotiations")
V("end", "165", MEDIATION, note="halt mediation")
N("truce", "0871", note="truce")
N("ceasefire", "0871", note="ceasefire")
N("armistice", "0871", note="ceasefire")
V("declare", "0871", CEASEFIRE, note="declare truce")
V("declare", "1724", EMERGENCY, note="impose state of emergency")
V("declare", "1723", CURFEW, note="impose curfew")
V("declare", "174", r"\bpersona non grata\b", note="expel individuals")
V("declare", "191", r"\b(?:no-fly zone|blockade|exclusion zone|closed military zone|military zone)\b",
  note="restrict movement")
V("declare", "138", r"\bwar\b", note="declaration of war = threaten force")
V("declare", "1722", r"\b(?:illegal|banned|outlawed|terrorist)\b.{0,40}?\b(?:party|parties|group|organi[sz]ation|"
  r"movement)\b|\b(?:party|parties|group|organi[sz]ation|movement)\b.{0,40}?\b(?:illegal|banned|terrorist)\b",
  note="ban political group")
V("announce", "0871", CEASEFIRE, note="announce ceasefire")
V("announce", "163", SANCTIONS, note="announce sanctions")
V("announce", "1724", EMERGENCY, note="announce state of emergency")
V("announce", "1723", CURFEW, note="announce curfew")
V("announce", "0831", r"\bresignation\b", note="resign")
V("announce", "0874", r"\b(?:withdrawal|pullout|pull-out|retreat)\b", note="announce withdrawal")
V("announce", "173", r"\barrests?\b", note="arrest")
V("announce", "090", INVESTIGATION, note="investigate")
V("announce", "154", r"\b(?:mobili[sz]ation|deployment)\b", note="mobilize")
V("announce", "190", r"\b(?:offensive|counteroffensive|military operation|invasion|attack)\b", note="military force")
V("announce", "161", r"\b(?:expulsion of (?:the )?(?:ambassador|diplomats)|closure of (?:the |its )?embassy|"
  r"(?:severing|suspension|downgrading) of (?:diplomatic )?(?:relations|ties))\b", note="reduce relations")
V("announce", "054", r"\brecognition\b", note="recognition")
V("announce", "072", MILAID, note="military aid")
V("announce", "073", HUMAID, note="humanitarian aid")
V("announce", "071", r"\b(?:loans?|grants?|funding|aid package|economic aid|financial aid|debt relief)\b|\$\s?\d",
  note="economic aid")
V("announce", "070", r"\b(?:aid|assistance)\b", note="provide aid")
N("deescalation", "087", note="de-escalate")

# =============================================================== 09 INVESTIGATE
INVESTIGATE_ROWS = [
    ("war crimes", r"\b(?:war crimes?|genocid\w*|crimes against humanity|ethnic cleansing|massacres?|atrocit\w*)\b",
     "094"),
    ("human rights abuses", r"\b(?:human rights|rights (?:abuses|violations)|abuses?|tortur\w*|disappearances?|"
     r"extrajudicial|mistreatment|ill-treatment|police brutality|deaths? in custody|excessive force)\b", "092"),
    ("military action", r"\b(?:airstrikes?|air strikes?|strikes?|shelling|bombing|attacks?|raids?|military|"
     r"incidents?|shoot\w*|downing|crash|drone|missile|explosion|blast)\b", "093"),
    ("crime/corruption", r"\b(?:corrupt\w*|fraud\w*|brib\w*|embezzl\w*|laundering|theft|smuggl\w*|traffick\w*|"
     r"tax evasion|crimes?|criminal|murders?|killings?|death|deaths|abuse of (?:power|office)|graft|kickbacks?|"
     r"misconduct|wrongdoing|leaks?|espionage|spying|hacking|rigging|irregularities|misappropriat\w*)\b", "091"),
]


def investigate_block(lemma, pos, particle=""):
    for note, rx, code in INVESTIGATE_ROWS:
        row(lemma, pos, code, rx, particle, "investigate " + note)
    row(lemma, pos, "090", "", particle, "investigate")


investigate_block("investigate", "verb")
investigate_block("investigation", "noun")
investigate_block("probe", "verb")
investigate_block("probe", "noun")
investigate_block("inquiry", "noun")
investigate_block("enquiry", "noun")
investigate_block("inquest", "noun")
V("look", "090", "", particle="into", note="investigate")
V("examine", "094", r"\b(?:war crimes?|genocid\w*|crimes against humanity|atrocit\w*)\b", note="investigate war crimes")
V("examine", "090", r"\b(?:allegations?|claims|accusations|circumstances|evidence|causes?|reports? of)\b",
  note="investigate")
V("audit", "091", note="investigate financial wrongdoing")
V("inspect", "090", r"\b(?:sites?|facilit\w*|plants?|reactors?|nuclear|weapons|compliance)\b", note="inspect")
N("inspection", "090", note="inspect")

# =============================================================== 10 DEMAND
block("demand", "verb", "demand")
block("demand", "noun", "demand")
block("insist", "verb", "demand", particle="on|upon")
V("order", "106", r"\b(?:withdraw\w*|pull\w* (?:out|back)|leave (?:the )?(?:country|territory|area|region))\b",
  note="demand withdrawal")
V("order", "107", CEASEFIRE + r"|\b(?:halt|stop|cease)\b.{0,20}\b(?:fighting|attacks|firing|hostilities)\b",
  note="demand ceasefire")
V("order", "0841", r"\b(?:releas\w*|freed|freeing)\b", note="order release")
V("order", "173", r"\b(?:arrests?|detention|detain\w*|jail\w*|imprison\w*|prosecut\w*|indictment)\b", note="arrest")
V("order", "174", r"\b(?:expulsion|deportation|deport\w*|expel\w*|to leave the country|out of the country)\b",
  note="expel")
V("order", "090", INVESTIGATION, note="investigate")
V("order", "195", r"\b(?:airstrikes?|air strikes?|air raids?|bombing|drone strikes?)\b", note="aerial weapons")
V("order", "190", r"\b(?:strikes?|attacks?|offensive|invasion|assault|raids?|military (?:operation|action))\b",
  note="military force")
V("order", "154", r"\b(?:mobili[sz]ation|deployment|troops to|reinforcements)\b", note="mobilize")
V("order", "1721", r"\b(?:closure|shut\w* down|ban\w*)\b.{0,30}?\b(?:newspapers?|media|channels?|stations?|"
  r"websites?|internet|ngos?|outlets?|broadcasters?)\b", note="restrict political freedoms")
V("order", "163", SANCTIONS, note="sanctions")
V("order", "100", r"\bto (?!\d)[a-z]+", note="order = demand")
N("ultimatum", "139", note="ultimatum")
V("issue", "139", r"\bultimatum\b", note="ultimatum")
V("issue", "130", r"\b(?:warnings?|threats?)\b", note="threaten")
V("issue", "020", r"\b(?:appeals?|plea|calls? for|request)\b", note="appeal")
V("issue", "100", r"\bdemands?\b", note="demand")
V("issue", "055", r"\bapolog\w*", note="apologize")
V("issue", "111", r"\b(?:condemnation|rebuke|reprimand|censure|denunciation)\b", note="denounce")
V("issue", "163", SANCTIONS, note="sanctions")
V("issue", "173", r"\b(?:arrest warrants?|warrants? for|indictments?|summons)\b", note="legal action")
V("issue", "114", r"\b(?:protest note|note of protest|formal protest|complaint|demarche)\b", note="complain")
V("set", "139", r"\bdeadline\b", note="ultimatum")
V("set", "1712", r"\b(?:fire|ablaze|alight|on fire)\b", note="destroy property")
V("set", "191", r"\b(?:checkpoints?|roadblocks?|blockade|cordon)\b", particle="up", note="restrict movement")

# =============================================================== 11 DISAPPROVE
for lemma in ("criticize", "condemn", "denounce", "slam", "lambast", "rebuke", "censure", "decry",
              "deplore", "castigate", "chastise", "berate", "assail", "excoriate", "scold", "reprimand", "admonish",
              "ridicule", "deride", "mock", "vilify", "demonize", "disparage", "belittle", "scorn", "fault",
              "chide", "upbraid", "blast", "pillory", "skewer", "lampoon", "savage", "rap", "deprecate"):
    if lemma == "condemn":
        V(lemma, "116", r"\bto (?:death|life|\d+|hang|prison|jail|years?|months?)\b", note="sentence = find guilty")
    V(lemma, "111", note="criticize or denounce")
V("lash", "111", "", particle="out", note="criticize")
V("hit", "111", "", particle="out|back", note="hit out at = criticize")
V("round", "111", "", particle="on", note="criticize")
V("attack", "111", VERBAL, note="verbal attack")
for lemma in ("criticism", "condemnation", "denunciation", "rebuke", "censure", "reprimand", "outcry", "outrage",
              "backlash", "tirade", "broadside", "scorn"):
    N(lemma, "111", note="criticize or denounce")
V("challenge", "115", r"\b(?:court|supreme court|tribunal)\b|\blegal(?:ly)?\b", note="lawsuit")
for lemma in ("disapprove", "oppose", "regret", "frown", "question", "doubt", "challenge", "dispute", "contest"):
    if lemma == "frown":
        V(lemma, "110", "", particle="on|upon", note="disapprove")
    elif lemma in ("question", "doubt", "challenge", "dispute", "contest"):
        V(lemma, "110", r"\b(?:legitimacy|decision|motives|wisdom|credibility|legality|validity|policy|results?|reports?|"
          r"allegations?|findings|assertions?|accounts?|version|narrative|plans?|proposals?|moves?|laws?|orders?|"
          r"outcome|handling|commitment|sincerity|ruling|claims?|sovereignty|figures|account)\b", note="disapprove")
    else:
        V(lemma, "110", note="disapprove")
V("object", "110", "", particle="to", note="disapprove")
N("objection", "110", note="disapprove")
N("opposition", "110", "", particle="to", note="disapprove")
N("disapproval", "110", note="disapprove")
N("disappointment", "110", note="disapprove")
V("warn", "130", RETALIATE + r"|\b(?:consequences|response|action|measures|countermeasures)\b",
  particle="of|about", note="warn of consequences = threaten")
V("warn", "012", "", particle="of|about", note="warn of danger = pessimistic comment")
threat_block("warn", "verb", only={"ultimatum", "WMD", "halt negotiations", "reduce or stop aid",
                                   "reduce or break relations", "sanctions", "violent repression", "blockade",
                                   "conventional attack", "military force"})
N("warning", "012", "", particle="of|about", note="pessimistic warning")
threat_block("warning", "noun", only={"sanctions", "conventional attack", "military force"})
for lemma, pos in (("accuse", "verb"), ("blame", "verb"), ("accusation", "noun"), ("allegation", "noun"),
                   ("implicate", "verb")):
    accuse_block(lemma, pos)
N("blame", "112", particle="for|on", note="accuse")
V("level", "112", r"\b(?:accusations?|allegations?|charges?|criticism)\b", note="accuse")
V("hurl", "112", r"\b(?:accusations?|allegations?|insults|abuse)\b", note="accuse")
V("hurl", "145", r"\b(?:stones|rocks|bottles|molotov|petrol bombs|firebombs|projectiles|bricks|eggs)\b",
  note="violent protest")
V("point", "112", r"\bfinger\b", note="accuse")
V("complain", "114", note="complain officially")
N("complaint", "114", note="complain officially")
V("lodge", "114", r"\b(?:complaints?|protests?|objections?|grievances?|demarches?)\b", note="complain officially")
V("lodge", "115", r"\b(?:lawsuit|suit|legal challenge|case|appeal)\b", note="lawsuit")
V("file", "115", r"\b(?:lawsuits?|suits?|legal challenge|case|petition|claim|motion)\b", note="lawsuit")
V("file", "173", r"\b(?:charges?|indictment)\b", note="legal action")
V("file", "114", r"\b(?:complaints?|protests?|grievances?|objections?)\b", note="complain officially")
V("bring", "115", r"\b(?:lawsuit|suit|case|legal action|legal challenge|proceedings)\b", note="lawsuit")
V("bring", "173", r"\b(?:charges?|to justice|to trial|prosecution)\b", note="legal action")
V("take", "115", r"\b(?:court|tribunal|legal action|the icj|the icc|arbitration|to the hague)\b", note="lawsuit")
V("summon", "173", r"\b(?:questioning|interrogation|court|hearing|prosecutor)\b", note="legal action")
V("summon", "114", r"\b(?:ambassador|envoy|charg\w+ d'affaires|diplomats?|chargé|representative)\b",
  note="summon ambassador = official complaint")
N("protest", "114", r"\b(?:note|formal|diplomatic|official)\b", note="diplomatic protest")
V("sue", "115", note="lawsuit")
N("lawsuit", "115", note="lawsuit")
N("suit", "115", "", particle="against", note="lawsuit")
V("convict", "116", note="find guilty")
N("conviction", "116", note="find guilty")
V("sentence", "116", note="find guilty")
N("sentence", "116", r"\b(?:death|prison|jail|life|years?|months?)\b", note="find guilty")
V("find", "116", r"\b(?:guilty|liable|culpable|responsible)\b", note="find guilty")
N("verdict", "116", r"\b(?:guilty|against|convicting)\b", note="find guilty")
V("incite", "113", note="rally opposition")
N("incitement", "113", note="rally opposition")
V("campaign", "113", "", particle="against", note="rally opposition")
V("campaign", "053", "", particle="for", note="rally support")
V("galvanize", "113", r"\b(?:opposition|against|resistance)\b", note="rally opposition")
V("unite", "113", "", particle="against", note="rally opposition")

# =============================================================== 12 REJECT
V("reject", "016", ACCUSATIONS, note="reject accusations = deny")
V("reject", "129", r"\b(?:resolution|draft)\b.{0,40}?\b(?:security council|un|veto)\b|\bveto\b", note="veto")
block("reject", "verb", "reject")
N("rejection", "016", ACCUSATIONS, note="deny")
block("rejection", "noun", "reject")
block("refuse", "verb", "reject")
block("refusal", "noun", "reject")
V("dismiss", "016", ACCUSATIONS + r"|\b(?:as (?:false|baseless|fabricated|lies|nonsense|propaganda|absurd|"
  r"groundless|unfounded))\b", note="dismiss accusations = deny")
V("dismiss", "125", MEETING, note="reject talks")
V("dismiss", "120", r"\b(?:calls?|demands?|proposals?|offer|request|appeals?|plan|idea|suggestions?|criticism|"
  r"protests?|case|lawsuit|suit|petition|complaints?|motion|challenge|bid|"
  r"concerns|warnings?|pressure|threats?|ultimatum|resolution)\b", note="reject")
block("rebuff", "verb", "reject")
block("spurn", "verb", "reject", default=True)
block("rule", "verb", "reject", particle="out")
block("turn", "verb", "reject", particle="down")
V("snub", "125", MEETING, note="reject meeting")
V("snub", "120", note="reject")
V("resist", "124", r"\b(?:pressure|calls|demands?|attempts)\b", note="refuse to yield")
V("resist", "190", MILTARGET + r"|\b(?:offensive|advance|invasion|attack|assault|occupation)\b",
  note="armed resistance")
V("veto", "129", note="veto")
for lemma in ("quash", "overturn", "annul", "nullify", "invalidate"):
    V(lemma, "120", note="reject (legal)")
N("veto", "129", note="veto")
V("cast", "129", r"\bveto\b", note="veto")
V("use", "129", r"\bveto\b", note="veto")
V("block", "129", r"\b(?:resolution|draft resolution|security council)\b", note="veto")
V("block", "144", r"\b(?:roads?|highways?|streets?|traffic|entrances?|bridges?|railways?|rail lines?|"
  r"junctions?|motorway|intersections?|access roads?|gates?|port|border crossings?|the way)\b",
  note="obstruct passage")
V("block", "1245", r"\b(?:aid|deliveries|convoys?|humanitarian|inspectors?|observers?|monitors?|investigators?)\b",
  note="refuse international involvement")
V("block", "1721", r"\b(?:websites?|internet|social media|twitter|facebook|whatsapp|telegram|youtube|x|"
  r"access to (?:the )?(?:internet|news))\b", note="restrict political freedoms")
V("block", "191", r"\b(?:shipping|strait|sea lanes?|exports of grain|ships?|vessels?)\b", note="blockade")
V("block", "120", note="block = reject")
V("defy", "128", note="defy norms")
V("flout", "128", note="defy norms")
N("defiance", "128", note="defy norms")
V("violate", "196", CEASEFIRE, note="violate ceasefire")
V("violate", "128", r"\b(?:airspace|territorial waters|borders?|sovereignty)\b", note="airspace/border violation")
V("violate", "128", note="violate norms, law")
N("violation", "196", CEASEFIRE, note="ceasefire violation")
N("violation", "128", note="norms violation")
V("breach", "196", CEASEFIRE, note="violate ceasefire")
V("breach", "128", r"\b(?:sanctions|agreement|law|treaty|deal|rules|resolution|accord|embargo|terms|airspace|"
  r"sovereignty|border)\b", note="defy norms")
N("breach", "196", CEASEFIRE, note="ceasefire violation")
N("breach", "128", r"\b(?:sanctions|agreement|law|treaty|deal|rules|resolution|accord|embargo|airspace)\b",
  note="defy norms")
V("break", "196", CEASEFIRE, note="break ceasefire")
V("break", "164", r"\b(?:talks|negotiations)\b", particle="off", note="halt negotiations")
V("break", "161", r"\b(?:relations|ties|diplomatic)\b", note="break relations")
V("break", "128", r"\b(?:sanctions|embargo|international law|the law|resolution|blockade)\b", note="defy")
V("ignore", "128", r"\b(?:calls|demands?|warnings?|ruling|order|resolution|law|sanctions|appeals?|pleas?|"
  r"deadline|ultimatum)\b", note="defy")

# =============================================================== 13 THREATEN
threat_block("threaten", "verb")
threat_block("threat", "noun")
V("menace", "130", note="threaten")
N("blackmail", "130", note="threaten")
V("blackmail", "130", note="threaten")
V("intimidate", "130", note="threaten")
N("intimidation", "130", note="threaten")

# =============================================================== 14 PROTEST
PROTEST_ROWS = [
    ("leadership change", LEADER + r"|\b(?:government|regime|president|prime minister|ruler|junta|dictator)\b"
     r".{0,20}?\b(?:out|go|fall|down)\b", "1"),
    ("policy change", r"\b(?:polic(?:y|ies)|law|laws|bill|reform|tax|taxes|prices?|cuts|austerity|pension|wages?|"
     r"pay|decision|plan|ban|war|mandates?|vaccin\w*|subsid\w*|fuel|hikes?|increase|deal|treaty|project|mine|dam|"
     r"pipeline|deportations?|budget|visit|election results?|ruling|verdict)\b", "2"),
    ("rights", RIGHTS + r"|\b(?:racism|discrimination|justice|police brutality|police violence)\b", "3"),
    ("institutions/regime", INSTITUTIONS, "4"),
]


def protest_block(lemma, pos, base, *, particle="", default=True, require=""):
    for note, rx, suffix in PROTEST_ROWS:
        obj = f"^(?=.*{require}).*(?:{rx})" if require else rx
        row(lemma, pos, base + suffix, obj, particle, note)
    if default:
        row(lemma, pos, base, "", particle, "")


V("protest", "114", r"\b(?:diplomatic|formal|note)\b", note="official protest")
protest_block("protest", "verb", "141")
protest_block("protest", "noun", "141")
protest_block("demonstration", "noun", "141")
V("demonstrate", "150", r"\b(?:strength|power|military|force|resolve|capabilit\w*|might|firepower)\b",
  note="show of force")
protest_block("demonstrate", "verb", "141", particle="against|outside|in|near|at|on|over|for|across|through")
protest_block("demonstrate", "verb", "141", default=False)
V("demonstrate", "141", r"^\s*$", note="demonstrate (no complement)")
protest_block("rally", "noun", "141")
protest_block("march", "verb", "141")
protest_block("march", "noun", "141")
N("vigil", "141", note="demonstrate")
V("picket", "141", note="demonstrate")
N("picket", "141", note="demonstrate")
V("go", "142", r"\bhunger strike\b", particle="on", note="hunger strike")
V("go", "143", r"\bstrike\b", particle="on", note="go on strike")
V("walk", "164", r"\b(?:talks|negotiations)\b", particle="out|away", note="walk out of talks")
V("walk", "143", "", particle="out", note="walkout")
protest_block("walkout", "noun", "143")
N("boycott", "143", r"\b(?:elections?|vote|polls?|referendum|parliament|session|classes|exams)\b",
  note="boycott (dissent)")
N("boycott", "163", note="boycott")
V("boycott", "164", r"\b(?:talks|negotiations|summit|meeting|conference|dialogue)\b", note="halt negotiations")
V("boycott", "143", r"\b(?:elections?|vote|polls?|referendum|parliament|session|classes|exams|ceremony|inauguration)\b",
  note="boycott (dissent)")
V("boycott", "163", r"\b(?:goods|products|imports|exports|brands?|companies|olympics|games|world cup|tournament)\b",
  note="boycott = embargo")
V("boycott", "143", note="boycott")
V("stage", "142", r"\bhunger strikes?\b", note="hunger strike")
V("stage", "143", r"\b(?:strikes?|walkouts?|boycott|stoppage)\b", note="strike")
V("stage", "141", r"\b(?:protests?|rall(?:y|ies)|demonstrations?|marches|march|sit-ins?|vigils?)\b", note="demonstrate")
V("stage", "150", r"\b(?:drills|exercises|maneuvers|manoeuvres|war games|parade|show of force)\b", note="show of force")
V("stage", "190", r"\b(?:attacks?|ambush|raids?|assaults?|offensive|incursions?|strikes?)\b", note="military force")
V("stage", "145", r"\b(?:riots?)\b", note="riot")
V("mount", "141", r"\b(?:protests?|rall(?:y|ies)|demonstrations?|campaign against)\b", note="demonstrate")
V("mount", "115", r"\b(?:legal challenge|lawsuit|court challenge)\b", note="lawsuit")
V("mount", "190", r"\b(?:attacks?|offensive|counteroffensive|raids?|assaults?|operations?|invasion|ambush|"
  r"incursions?|strikes?)\b", note="military force")
V("barricade", "144", note="obstruct passage")
N("barricade", "144", note="obstruct passage")
N("roadblock", "144", note="obstruct passage")
V("blockade", "144", r"\b(?:roads?|highways?|streets?|refinery|refineries|bridges?|entrances?|depots?)\b",
  note="protest blockade")
V("occupy", "144", r"\b(?:building|square|parliament|offices?|campus|university|embassy|ministry|headquarters|"
  r"premises|park|plaza|capitol|city hall|factory|mine|airport terminal)\b", note="protest occupation")
V("occupy", "192", note="occupy territory")
N("occupation", "192", note="occupy territory")
protest_block("riot", "verb", "145")
protest_block("riot", "noun", "145")
N("rioting", "145", note="violent protest")
N("unrest", "145", note="violent protest")
V("rampage", "145", note="violent protest")
V("loot", "171", note="seize property")
N("looting", "171", note="seize property")
V("vandalize", "1712", note="destroy property")
V("clash", "145", PROTESTERS + r"|\bpolice\b", note="violent protest")
V("clash", "190", note="armed clash")
N("clash", "145", PROTESTERS + r"|\bpolice\b", note="violent protest")
N("clash", "190", note="armed clash")
V("storm", "145", r"\b(?:parliament|capitol|embassy|congress|legislature|ministry|palace|presidential|court|"
  r"city hall|offices?|headquarters|building)\b", note="violent protest")
V("storm", "190", note="military force")
V("throw", "145", r"\b(?:stones|rocks|bottles|molotov|petrol bombs|firebombs|projectiles|bricks|tear gas)\b",
  note="violent protest")
V("burn", "141", r"\b(?:flags?|effig\w*|portraits?|posters?|pictures?|images?|ballots)\b", note="symbolic protest")
V("burn", "1712", r"\b(?:houses|homes|villages?|cars|buildings?|property|vehicles|stations?|offices?|churches|"
  r"church|mosques?|temples?|shops|stores|crops|fields|schools?|tyres|tires)\b", note="destroy property")
V("torch", "1712", note="destroy property")
V("rebel", "140", "", particle="against", note="political dissent")
N("rebellion", "140", note="political dissent")
N("uprising", "140", note="political dissent")
N("insurrection", "140", note="political dissent")
N("mutiny", "140", note="political dissent")
V("mutiny", "140", note="political dissent")
V("defect", "140", note="political dissent")

# =============================================================== 15 EXHIBIT FORCE POSTURE
V("deploy", "074", r"\bpeace ?-? ?keep\w*", note="peacekeeping")
V("deploy", "153", r"\b(?:police|riot police|gendarm\w*|security forces|national guard|riot squads?|"
  r"law enforcement)\b", note="mobilize police")
V("deploy", "154", r"\b(?:troops|soldiers|forces|tanks|warships?|missiles?|jets|army|military|units|brigades?|"
  r"battalions?|divisions?|marines|artillery|drones|bombers|submarines?|carriers?|navy|reinforcements|"
  r"air defen[cs]es?|launchers|systems|fighters|paratroopers|special forces)\b|\b\d", note="mobilize armed forces")
N("deployment", "074", r"\bpeace ?-? ?keep\w*", note="peacekeeping")
N("deployment", "154", note="mobilize armed forces")
N("mobilization", "154", note="mobilize armed forces")
N("buildup", "154", note="mobilize armed forces")
V("build", "154", r"\b(?:troops|forces|military|presence|army)\b", particle="up", note="military buildup")
V("mass", "154", note="mass troops")
V("beef", "154", r"\b(?:troops?|forces|military|presence|security|defen[cs]es|patrols)\b", particle="up",
  note="mobilize armed forces")
V("bolster", "154", r"\b(?:troops?|forces|military|presence|defen[cs]es|garrison)\b", note="mobilize armed forces")
V("boost", "154", r"\b(?:troops?|forces|military presence|troop presence|defen[cs]es|garrison)\b",
  note="mobilize armed forces")
V("amass", "154", note="mass troops")
V("reinforce", "154", r"\b(?:troops|positions|border|forces|presence|garrison|defen[cs]es|front|units|military)\b",
  note="mobilize armed forces")
V("station", "154", note="deploy troops")
V("dispatch", "074", r"\bpeace ?-? ?keep\w*", note="peacekeeping")
V("dispatch", "042", r"\b(?:envoys?|delegations?|emissar\w*|ministers?|diplomats?|representatives?|mediators?)\b",
  note="send envoy = visit")
provide_block("dispatch", "verb")
V("dispatch", "153", r"\b(?:police|riot police|security forces)\b", note="mobilize police")
V("dispatch", "154", r"\b(?:troops|soldiers|forces|warships?|jets|bombers|carrier|reinforcements|units|marines|"
  r"military)\b", note="mobilize armed forces")
V("scramble", "152", r"\b(?:jets|fighters|fighter jets|aircraft|warplanes|interceptors)\b",
  note="increase military alert")
V("put", "152", r"\b(?:alert|high alert|combat readiness|war footing|standby)\b", note="increase military alert")
V("put", "173", r"\b(?:trial|arrest|house arrest|jail|prison|bars|detention)\b",
  note="legal action")
V("place", "173", r"\b(?:arrest|house arrest|detention|custody)\b", note="arrest")
V("place", "152", r"\b(?:alert|high alert|combat readiness|war footing|standby)\b", note="increase military alert")
V("place", "163", SANCTIONS, note="sanctions")
V("heighten", "151", r"\b(?:security|vigilance|police presence)\b", note="increase police alert")
V("heighten", "152", r"\b(?:alert|readiness|military presence)\b", note="increase military alert")
V("tighten", "163", SANCTIONS, note="sanctions")
V("tighten", "191", r"\b(?:siege|blockade|cordon|border controls?|grip on the city)\b", note="restrict movement")
V("tighten", "151", r"\bsecurity\b", note="increase police alert")
V("tighten", "172", r"\b(?:restrictions|controls?|rules|curbs|grip)\b", note="administrative sanctions")
V("patrol", "150", note="show of force")
N("patrol", "150", note="show of force")
N("drill", "062", r"\bjoint\b", note="joint drills = military cooperation")
N("drill", "150", note="show of force")
N("maneuver", "150", note="show of force")
N("manoeuvre", "150", note="show of force")
N("exercise", "062", r"\bjoint\b", note="joint exercises = military cooperation")
N("alert", "151", r"\b(?:police|security)\b", note="increase police alert")
N("alert", "152", note="increase military alert")
N("exercise", "150", none_of("restraint", "power", "right", "rights", "caution", "authority", "influence", "control",
                             "option", "futility", "sovereignty", "democracy", "pr", "public relations", "branding",
                             "fact-finding", "listening", "consultation", "cost-cutting"), note="military exercises")
V("test", "150", r"\b(?:missiles?|nuclear|rockets?|weapons?|bombs?|ballistic|hypersonic|icbms?|warheads?|"
  r"launchers?|torpedo\w*)\b", note="weapons test = show of force")
N("test", "150", r"\b(?:missiles?|nuclear|rockets?|weapons?|ballistic|hypersonic|icbms?)\b", note="show of force")
V("fly", "150", r"\b(?:bombers|sorties|jets|warplanes|fighter jets|aircraft|drones)\b", note="show of force")
V("show", "150", r"\b(?:force|strength|military might|muscle|firepower)\b", note="show of force")
V("show", "051", r"\b(?:support|solidarity|backing)\b", note="support")
V("flex", "150", r"\b(?:muscles?|military)\b", note="show of force")
V("militarize", "154", note="mobilize armed forces")
V("escalate", "190", r"\b(?:attacks?|strikes|shelling|bombing|offensive|fighting|war|campaign|conflict|"
  r"hostilities|operations|violence)\b", note="escalate fighting")
V("intensify", "195", r"\b(?:airstrikes|air strikes|air raids|bombing|air campaign|drone strikes)\b",
  note="aerial weapons")
V("intensify", "190", r"\b(?:attacks?|strikes|shelling|offensive|fighting|war|campaign|hostilities|operations|"
  r"assault|raids)\b", note="escalate fighting")
V("intensify", "141", r"\b(?:protests?|demonstrations|rallies)\b", note="demonstrate")
V("intensify", "163", SANCTIONS, note="sanctions")

# =============================================================== 16 REDUCE RELATIONS
V("sever", "161", note="break relations")
V("cut", "161", r"\b(?:ties|relations|diplomatic|contacts?)\b", note="break relations")
V("cut", "1622", MILAID, note="stop military aid")
V("cut", "1623", HUMAID, note="stop humanitarian aid")
V("cut", "1621", r"\b(?:economic aid|financial aid|loans?|grants?|budget support|development aid)\b",
  note="stop economic aid")
V("cut", "162", r"\b(?:aid|assistance|funding|funds|support|financing|contributions)\b", note="stop aid")
V("cut", "191", r"\b(?:supply lines?|supply routes?|access|routes?|roads?|water|electricity|power|food|"
  r"internet|communications)\b", note="restrict movement / siege")
V("cut", "163", r"\b(?:trade|imports|exports|gas supplies|oil supplies|gas|oil)\b", note="embargo")
V("downgrade", "161", r"\b(?:relations|ties|diplomatic|representation|embassy)\b", note="reduce relations")
V("recall", "161", r"\b(?:ambassadors?|envoys?|diplomats?|diplomatic staff|charg\w+ d'affaires|head of mission)\b",
  note="recall ambassador")
N("recall", "161", r"\b(?:ambassadors?|envoys?|diplomats?)\b", note="recall ambassador")
V("expel", "201", r"\b(?:thousands|tens of thousands|hundreds of thousands|millions|entire|en masse|population|"
  r"ethnic|all (?:the )?(?:residents|inhabitants))\b", note="mass expulsion")
V("expel", "161", r"\b(?:ambassadors?|envoys?|diplomats?|attach\w+|embassy staff|charg\w+ d'affaires|consuls?)\b",
  note="expel diplomats = reduce relations")
V("expel", "1661", r"\bpeace ?-? ?keep\w*", note="expel peacekeepers")
V("expel", "1662", r"\b(?:observers?|inspectors?|monitors?|monitoring mission)\b", note="expel observers")
V("expel", "1663", r"\b(?:aid workers|aid agencies|aid groups|ngos?|charities|relief workers|humanitarian)\b",
  note="expel aid agencies")
V("expel", "174", note="expel individuals")
N("expulsion", "201", r"\b(?:mass|thousands|population|ethnic)\b", note="mass expulsion")
N("expulsion", "161", r"\b(?:ambassadors?|envoys?|diplomats?|attach\w+)\b", note="expel diplomats")
N("expulsion", "174", note="expel individuals")
V("deport", "201", r"\b(?:thousands|tens of thousands|hundreds of thousands|millions|entire|en masse)\b",
  note="mass expulsion")
V("deport", "174", note="deport individuals")
N("deportation", "201", r"\b(?:mass|thousands|forced)\b", note="mass expulsion")
N("deportation", "174", note="deport individuals")
V("banish", "174", note="expel individuals")
V("exile", "174", note="expel individuals")
V("sanction", "163", note="sanctions")
N("sanction", "163", note="sanctions")
V("embargo", "163", note="embargo")
N("embargo", "163", note="embargo")
V("blacklist", "163", note="sanctions")
N("tariff", "163", note="trade sanction")
V("impose", "1724", EMERGENCY, note="state of emergency")
V("impose", "1723", CURFEW, note="curfew")
V("impose", "163", SANCTIONS + r"|\b(?:duties|levies)\b", note="sanctions")
V("impose", "1722", BAN_PARTY, note="ban parties")
V("impose", "1721", r"\b(?:restrictions? on (?:the )?(?:media|press|speech|assembly|protests?|gatherings|internet|"
  r"journalists|opposition|political)|censorship|media blackout|internet (?:shutdown|blackout)|news blackout)\b",
  note="restrict political freedoms")
V("impose", "191", r"\b(?:blockade|siege|no-fly zone|travel restrictions|movement restrictions|restrictions on "
  r"(?:movement|travel)|cordon|closure|exclusion zone|naval blockade)\b", note="restrict movement")
V("impose", "116", r"\b(?:fines?|penalt\w*|death sentence|prison sentence|jail term|sentences?)\b",
  note="penalty = find guilty")
V("impose", "172", note="administrative sanctions")
N("curfew", "1723", note="curfew")
for lemma in ("introduce", "enforce", "reimpose", "reinstate", "institute"):
    V(lemma, "1724", EMERGENCY, note="state of emergency")
    V(lemma, "1723", CURFEW, note="curfew")
    V(lemma, "163", SANCTIONS, note="sanctions")
    V(lemma, "191", r"\b(?:blockade|siege|no-fly zone|travel restrictions|movement restrictions)\b",
      note="restrict movement")
    V(lemma, "1721", r"\b(?:censorship|restrictions on (?:the )?(?:media|press|speech|assembly|protests?|internet))\b",
      note="restrict political freedoms")
V("introduce", "172", r"\b(?:restrictions|controls|ban)\b", note="administrative sanctions")
V("enforce", "172", r"\b(?:restrictions|controls|ban)\b", note="administrative sanctions")
V("reimpose", "172", note="administrative sanctions")
V("renew", "163", SANCTIONS, note="sanctions")
V("renew", "0871", CEASEFIRE, note="ceasefire")
V("renew", "020", r"\b(?:calls?|appeals?)\b", note="appeal")
V("renew", "190", r"\b(?:attacks?|offensive|fighting|shelling|strikes|hostilities|bombing|assault)\b",
  note="military force")
V("renew", "130", r"\bthreats?\b", note="threaten")
V("renew", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
for lemma in ("expand", "broaden", "toughen", "widen"):
    V(lemma, "163", SANCTIONS, note="sanctions")
V("slap", "163", SANCTIONS, note="sanctions")
V("slap", "172", r"\b(?:bans?|restrictions)\b", note="administrative sanctions")
V("hit", "163", SANCTIONS, note="sanctions")
V("target", "163", SANCTIONS, note="sanctions")
V("suspend", "164", r"\b(?:talks|negotiations|dialogue|peace process)\b", note="halt negotiations")
V("suspend", "165", MEDIATION, note="halt mediation")
V("suspend", "1622", MILAID, note="stop military aid")
V("suspend", "1623", HUMAID, note="stop humanitarian aid")
V("suspend", "1621", r"\b(?:economic aid|financial aid|loans?|grants?|budget support|development aid)\b",
  note="stop economic aid")
V("suspend", "162", r"\b(?:aid|assistance|funding|funds|financing|contributions|support)\b", note="stop aid")
V("suspend", "161", r"\b(?:relations|ties|diplomatic)\b", note="reduce relations")
V("suspend", "085", SANCTIONS, note="ease sanctions")
V("suspend", "0813", CURFEW, note="ease curfew")
V("suspend", "087", r"\b(?:operations|offensive|attacks|strikes|fighting|hostilities|bombing|airstrikes|shelling|"
  r"military action)\b", note="de-escalate")
V("suspend", "1722", r"\b(?:party|parties|opposition|candidates?|politicians?|lawmakers|mps)\b",
  note="ban politicians")
V("suspend", "1721", r"\b(?:newspapers?|broadcaster|channels?|stations?|media|licen[cs]es?|websites?|"
  r"accreditation|ngos?|constitution)\b", note="restrict political freedoms")
V("suspend", "163", r"\b(?:trade|flights|imports|exports|shipments|deliveries of gas|gas supplies|oil supplies)\b",
  note="embargo")
V("suspend", "160", r"\b(?:membership|participation|cooperation|agreement|treaty|deal|accord)\b",
  note="reduce relations")
N("suspension", "164", r"\b(?:talks|negotiations)\b", note="halt negotiations")
N("suspension", "162", r"\b(?:aid|assistance|funding)\b", note="stop aid")
N("suspension", "161", r"\b(?:relations|ties|diplomatic)\b", note="reduce relations")
N("suspension", "163", r"\b(?:flights|air links|trade|imports|exports|shipments)\b", note="embargo")
N("suspension", "160", r"\b(?:membership|participation|cooperation|agreement|treaty)\b", note="reduce relations")
for lemma in ("halt", "stop"):
    V(lemma, "087", r"\b(?:advance|offensive|attacks?|fighting|operations?|bombing|airstrikes|air strikes|strikes|"
      r"shelling|hostilities|firing|military action|war)\b", note="de-escalate")
    V(lemma, "163", r"\b(?:exports|imports|trade|shipments|oil|gas|deliveries|supplies|flights)\b", note="embargo")
    V(lemma, "1622", MILAID, note="stop military aid")
    V(lemma, "162", r"\b(?:aid|assistance|funding|financing|contributions|payments)\b", note="stop aid")
    V(lemma, "164", r"\b(?:talks|negotiations|dialogue)\b", note="halt negotiations")
    V(lemma, "165", MEDIATION, note="halt mediation")
V("freeze", "163", r"\b(?:assets|accounts|funds|reserves|property|holdings)\b", note="asset freeze = sanctions")
V("freeze", "162", r"\b(?:aid|assistance|funding|financing|contributions|payments|loans?)\b", note="stop aid")
V("freeze", "164", r"\b(?:talks|negotiations|dialogue)\b", note="halt negotiations")
V("freeze", "161", r"\b(?:relations|ties|diplomatic|contacts)\b", note="reduce relations")
N("freeze", "163", r"\b(?:assets?|accounts|funds)\b", note="asset freeze")
V("withhold", "1622", MILAID, note="stop military aid")
V("withhold", "162", r"\b(?:aid|assistance|funding|financing|contributions|payments|loans?|support)\b",
  note="stop aid")
V("withhold", "120", note="reject")
V("reduce", "162", r"\b(?:aid|assistance|funding|financing|contributions)\b", note="reduce aid")
V("reduce", "161", r"\b(?:diplomatic (?:staff|presence|relations|ties)|embassy staff|relations|ties)\b",
  note="reduce relations")
V("reduce", "087", r"\b(?:troops|troop presence|forces|military presence|military)\b", note="de-escalate")
V("scale", "162", r"\b(?:aid|assistance|funding)\b", particle="back|down", note="reduce aid")
V("scale", "087", r"\b(?:operations|offensive|attacks|strikes|military|troops|presence|fighting)\b",
  particle="back|down", note="de-escalate")
V("scale", "161", r"\b(?:relations|ties|diplomatic)\b", particle="back|down", note="reduce relations")
V("cancel", "164", r"\b(?:talks|negotiations|dialogue|summit|meeting)\b", note="halt negotiations")
V("cancel", "160", r"\b(?:visits?|trip|tour|deal|agreement|contract|accord|treaty|exercises|cooperation)\b",
  note="reduce relations")
V("cancel", "071", r"\bdebts?\b", note="debt relief")
V("postpone", "164", r"\b(?:talks|negotiations|summit|meeting|round)\b", note="halt negotiations")
V("postpone", "160", r"\bvisits?\b", note="reduce relations")
V("abandon", "164", r"\b(?:talks|negotiations|dialogue|peace process)\b", note="halt negotiations")
V("abandon", "165", MEDIATION, note="halt mediation")
V("abandon", "160", r"\b(?:deal|agreement|treaty|accord|pact|alliance|allies)\b", note="reduce relations")
V("abandon", "0874", r"\b(?:positions|base|bases|posts?|outposts?|front|city|town|territory)\b", note="retreat")
V("terminate", "160", r"\b(?:agreement|deal|contract|treaty|accord|pact|cooperation|partnership)\b",
  note="reduce relations")
V("exit", "160", r"\b(?:treaty|agreement|deal|accord|pact|alliance|union|organi[sz]ation|coalition)\b",
  note="reduce relations")
V("leave", "164", r"\b(?:talks|negotiations)\b", note="halt negotiations")
V("leave", "160", r"\b(?:treaty|agreement|deal|accord|pact|alliance|union|organi[sz]ation|coalition|council|"
  r"nato|eu|opec)\b", note="reduce relations")
V("close", "161", r"\b(?:embassy|embassies|consulates?|diplomatic missions?|representative office)\b",
  note="reduce relations")
V("close", "191", r"\b(?:border|borders|airspace|crossings?|ports?|strait|roads?|checkpoints|sea lanes|corridor)\b",
  note="restrict movement")
V("close", "1721", r"\b(?:newspapers?|channels?|stations?|offices?|broadcasters?|websites?|ngos?|outlets?|"
  r"media)\b", note="restrict political freedoms")
V("shut", "161", r"\b(?:embassy|embassies|consulates?)\b", note="reduce relations")
V("shut", "191", r"\b(?:border|borders|airspace|crossings?|ports?)\b", note="restrict movement")
V("shut", "1721", r"\b(?:newspapers?|channels?|stations?|broadcasters?|websites?|ngos?|outlets?|media|internet|"
  r"social media)\b", note="restrict political freedoms")

# =============================================================== 17 COERCE
V("coerce", "170", note="coerce")
V("force", "170", r"\bto (?!\d)[a-z]+|\b(?:out|back|down|into)\b", note="coerce")
V("compel", "170", note="coerce")
V("pressure", "020", r"\bto (?!\d)[a-z]+|\binto\b", note="pressure to = appeal")
V("award", "116", r"\b(?:damages|compensation|million|billion)\b|\$", note="court award = find liable")
V("award", "061", r"\b(?:contracts?|tenders?)\b", note="economic cooperation")
V("award", "051", note="award = praise")
N("coercion", "170", note="coerce")
V("seize", "181", r"\b(?:hostages?|captives?)\b", note="take hostage")
V("seize", "192", r"\b(?:territory|town|city|village|control|airport|base|district|province|region|area|hills?|oil ?fields?|gas ?fields?|"
  r"positions?|capital|ports?|border crossing|island|peninsula|oblast|settlement|checkpoint)\b",
  note="occupy territory")
V("seize", "1711", note="confiscate property")
N("seizure", "192", r"\b(?:territory|town|city|village|control|airport|base|capital|land)\b", note="occupy")
N("seizure", "1711", note="confiscate property")
for lemma in ("confiscate", "expropriate", "nationalize", "impound", "commandeer", "requisition"):
    V(lemma, "1711", note="confiscate property")
N("confiscation", "1711", note="confiscate property")
N("expropriation", "1711", note="confiscate property")
N("nationalization", "1711", note="confiscate property")
V("destroy", "190", r"\b(?:tanks?|aircraft|planes?|helicopters?|positions|targets|equipment|launchers?|drones|"
  r"missiles?|warships?|ships?|vessels?|command posts?|depots?|artillery|air defen[cs]es?|radars?|"
  r"armou?red vehicles|convoys?)\b", note="military force")
V("destroy", "1712", note="destroy property")
for lemma in ("demolish", "raze", "bulldoze", "wreck", "ransack", "dynamite"):
    V(lemma, "1712", note="destroy property")
N("demolition", "1712", note="destroy property")
V("damage", "171", note="damage property")
V("sabotage", "1712", note="destroy property")
N("sabotage", "1712", note="destroy property")
V("tear", "1712", "", particle="down", note="destroy property")
V("arrest", "173", note="arrest")
N("arrest", "173", note="arrest")
for lemma in ("detain", "apprehend", "nab", "jail", "imprison", "incarcerate", "indict", "prosecute",
              "interrogate", "remand", "intern", "handcuff"):
    V(lemma, "173", note="arrest, detain, charge")
for lemma in ("detention", "indictment", "prosecution", "imprisonment", "internment", "interrogation",
              "incarceration"):
    N(lemma, "173", note="arrest, detain, charge")
V("round", "173", "", particle="up", note="round up = detain")
N("roundup", "173", note="detain")
V("charge", "173", "", particle="with", note="charge with legal action")
V("charge", "173", r"\b(?:murder|terror\w*|treason|corruption|fraud|espionage|spying|crimes?|offen[cs]es?|"
  r"count|counts|incitement|sedition|conspiracy|with)\b", note="charge")
V("raid", "173", r"\b(?:homes?|houses?|offices?|headquarters|premises|apartments?|residences?|newsrooms?)\b",
  note="police raid")
V("raid", "190", note="military raid")
N("raid", "195", r"\bair\b", note="air raid")
N("raid", "173", r"\b(?:homes?|houses?|offices?|headquarters|premises|apartments?|newsroom)\b", note="police raid")
N("raid", "190", note="military raid")
V("search", "173", r"\b(?:homes?|houses?|offices?|premises|headquarters|residences?|apartments?)\b", note="police search")
V("ban", "1722", r"\b(?:party|parties|opposition|candidates?|politicians?|movement|from (?:running|standing|"
  r"contesting|elections?|politics|office|holding))\b", note="ban political parties/politicians")
V("ban", "1721", r"\b(?:protests?|rallies|demonstrations|gatherings|assembl\w*|newspapers?|media|websites?|"
  r"books?|social media|strikes|broadcasts?|journalists|reporters|ngos?|groups?|organi[sz]ations?|"
  r"publications?)\b", note="restrict political freedoms")
V("ban", "163", r"\b(?:imports?|exports?|products|goods|trade|shipments|investment|companies|firms)\b",
  note="embargo")
V("ban", "191", r"\b(?:flights|entry|travel|ships|vessels|aircraft|overflights)\b", note="restrict movement")
V("ban", "172", note="administrative sanctions")
N("ban", "1722", r"\b(?:party|parties|opposition|candidates?|politicians?)\b", note="ban parties")
N("ban", "1721", r"\b(?:protests?|rallies|demonstrations|gatherings|media|newspapers?|websites?|social media)\b",
  note="restrict political freedoms")
N("ban", "163", r"\b(?:imports?|exports?|products|goods|trade)\b", note="embargo")
N("ban", "191", r"\b(?:flights|entry|travel|overflights)\b", note="restrict movement")
N("ban", "172", note="administrative sanctions")
V("outlaw", "1722", r"\b(?:party|parties|opposition|group|organi[sz]ation|movement)\b", note="ban parties")
V("outlaw", "172", note="administrative sanctions")
V("proscribe", "1722", note="ban political group")
V("dissolve", "1722", r"\b(?:party|parties|opposition)\b", note="ban parties")
V("designate", "172", r"\b(?:terror\w*|extremist|foreign agents?|undesirable)\b", note="administrative sanction")
V("bar", "1722", r"\bfrom (?:running|standing|contesting|elections?|politics|office|holding)\b",
  note="ban politicians")
V("bar", "191", r"\b(?:entry|from entering|ships|vessels|flights|aircraft)\b", note="restrict movement")
V("bar", "172", note="administrative sanctions")
V("strip", "172", r"\b(?:citizenship|nationality|immunity|titles?|licen[cs]es?|accreditation|status|passports?|"
  r"mandate|seats?|powers?)\b", note="administrative sanctions")
V("restrict", "191", r"\b(?:movement|travel|access|entry|flights|navigation)\b", note="restrict movement")
V("restrict", "1721", r"\b(?:press|media|freedoms?|internet|speech|assembly|protests|gatherings|journalists|"
  r"opposition|ngos?|social media|reporting)\b", note="restrict political freedoms")
V("restrict", "163", r"\b(?:imports|exports|trade|investment|sales)\b", note="embargo")
V("restrict", "172", note="administrative sanctions")
V("curb", "1721", r"\b(?:press|media|freedoms?|internet|speech|assembly|protests|dissent|opposition|ngos?)\b",
  note="restrict political freedoms")
V("curb", "163", r"\b(?:imports|exports|trade|investment)\b", note="embargo")
V("censor", "1721", note="restrict political freedoms")
N("censorship", "1721", note="restrict political freedoms")
V("crack", "175", PROTESTERS + r"|\b(?:protests?|dissent|demonstrations|unrest|opposition|activists|dissidents|"
  r"critics|riots?)\b", particle="down", note="violent repression")
V("crack", "1721", r"\b(?:media|press|journalists|ngos?|internet|social media|bloggers|free speech)\b",
  particle="down", note="restrict political freedoms")
V("crack", "173", "", particle="down", note="crackdown = arrests")
N("crackdown", "1721", r"\b(?:media|press|journalists|ngos?|internet|social media|bloggers|free speech)\b",
  note="restrict political freedoms")
N("crackdown", "175", note="violent repression")
for lemma in ("repress", "suppress", "quell", "disperse", "subdue"):
    V(lemma, "175", note="violent repression")
N("repression", "175", note="violent repression")
N("suppression", "175", note="violent repression")
V("fire", "175", r"\b(?:tear ?gas|rubber bullets|water cannons?|stun grenades|pellets|plastic bullets|"
  r"rubber-coated)\b|" + PROTESTERS, particle="at|on|into|upon", note="repression")
V("fire", "194", r"\b(?:shells|artillery|mortars?|howitzers|tank rounds|grad|rocket artillery)\b",
  particle="at|on|into|upon", note="artillery")
V("fire", "190", "", particle="at|on|into|upon|toward|towards|across|over", note="open fire")
V("fire", "175", r"\b(?:tear ?gas|rubber bullets|water cannons?|stun grenades|plastic bullets)\b", note="repression")
V("fire", "194", r"\b(?:shells|artillery|mortars?|mortar rounds|howitzers|tank rounds)\b", note="artillery")
V("fire", "190", r"\b(?:missiles?|rockets|projectiles|salvo|barrage|warning shots|shots|rounds|bullets|"
  r"torpedo\w*|volleys?)\b", note="military force")
V("beat", "1823", r"\bto death\b", note="kill by physical assault")
V("beat", "175", PROTESTERS, note="violent repression")
V("beat", "182", r"\b(?:journalists?|activists?|prisoners?|detainees?|men|man|women|woman|civilians|him|her|them|"
  r"reporters?|migrants|residents|villagers|worshippers|opposition)\b", note="physical assault")
N("beating", "182", note="physical assault")
V("teargas", "175", note="violent repression")
V("use", "184", r"\bhuman shields?\b", note="human shields")
V("use", "2041", r"\b(?:chemical weapons?|sarin|chlorine|nerve agents?|mustard gas|biological weapons?|toxic gas|"
  r"poison gas|novichok)\b", note="chemical weapons")
V("use", "2042", r"\bnuclear (?:weapons?|bombs?|arms)\b", note="nuclear weapons")
V("use", "175", r"\b(?:tear ?gas|rubber bullets|water cannons?|live ammunition|excessive force|batons|"
  r"force against (?:the )?(?:protesters|demonstrators|crowds?))\b", note="violent repression")
V("use", "195", r"\b(?:drones|warplanes|aircraft|air power|airstrikes|cluster bombs|barrel bombs)\b",
  note="aerial weapons")
V("use", "194", r"\b(?:artillery|tanks|mortars|howitzers)\b", note="artillery")
V("use", "190", r"\b(?:force|military force|weapons|missiles|rockets)\b", note="military force")

# =============================================================== 18 ASSAULT
for lemma in ("abduct", "kidnap", "hijack", "snatch"):
    V(lemma, "181", note="abduct / take hostage")
for lemma in ("abduction", "kidnapping", "hijacking"):
    N(lemma, "181", note="abduct / take hostage")
V("take", "181", r"\b(?:hostages?|captives?|captive|prisoners?|prisoner)\b", note="take hostage")
V("take", "192", r"\b(?:control of|over (?:the )?(?:city|town|territory))\b|" + MILTARGET, particle="over",
  note="occupy")
V("take", "192", r"\bcontrol\b", note="take control = occupy")
V("take", "173", r"\b(?:custody|questioning)\b", note="detain")
V("capture", "192", r"\b(?:town|city|village|territory|airport|base|positions?|hill|district|capital|port|"
  r"stronghold|control|province|region|island|crossing|oblast|settlement|bridge|airfield)\b", note="occupy")
V("capture", "181", r"\b(?:civilians|journalists?|aid workers|tourists|hostages?|foreigners|nationals|"
  r"citizens)\b", note="abduct")
V("capture", "190", note="military capture")
N("capture", "192", r"\b(?:town|city|village|territory|airport|base|capital)\b", note="occupy")
V("torture", "1822", note="torture")
N("torture", "1822", note="torture")
V("rape", "1821", note="sexual assault")
N("rape", "1821", note="sexual assault")
V("molest", "1821", note="sexual assault")
V("abuse", "1821", r"\bsexual\w*\b", note="sexual assault")
V("abuse", "182", r"\b(?:detainees?|prisoners?|children|migrants|inmates|protesters)\b", note="physical assault")
V("mistreat", "182", note="physical assault")
V("assault", "1821", r"\bsexual\w*\b", note="sexual assault")
V("assault", "190", MILTARGET, note="military assault")
V("assault", "182", note="physical assault")
N("assault", "1821", r"\bsexual\b", note="sexual assault")
N("assault", "190", MILTARGET + r"|\b(?:ground|military|offensive|air|amphibious)\b", note="military assault")
N("assault", "182", note="physical assault")
V("stab", "182", note="physical assault")
N("stabbing", "182", note="physical assault")
V("lynch", "1823", note="kill by physical assault")
N("lynching", "1823", note="kill")
for lemma in ("murder", "slay", "behead", "strangle", "execute", "decapitate", "hang"):
    if lemma == "execute":
        V(lemma, "1823", none_of("plan", "plans", "order", "orders", "contract", "contracts", "strategy", "warrant",
                                 "warrants", "will", "transaction", "trades?", "deal", "program", "programme",
                                 "policy", "budget", "agreement", "project", "mission", "operation", "task",
                                 "decision", "move", "reforms?"), note="execution")
    elif lemma == "hang":
        V(lemma, "1823", r"\b(?:prisoners?|men|man|women|woman|activists?|protesters|dissidents|convicts|"
          r"inmates|people|him|her|them)\b", note="execution by hanging")
    else:
        V(lemma, "1823", note="kill by physical assault")
for lemma in ("murder", "killing", "execution", "beheading", "assassination", "shooting"):
    if lemma == "assassination":
        continue
    if lemma == "shooting":
        N(lemma, "175", PROTESTERS, note="repression")
        N(lemma, "180", note="shooting (unconventional violence)")
        continue
    if lemma == "killing":
        N(lemma, "175", PROTESTERS, note="repression")
        N(lemma, "202", r"\b(?:mass|hundreds|thousands)\b", note="mass killing")
    N(lemma, "1823", note="kill")
V("kill", "175", PROTESTERS + r"|\b(?:detainees|prisoners)\b", note="violent repression")
V("kill", "190", r"\b(?:soldiers|troops|fighters|militants|rebels|insurgents|commanders?|officers|servicemen|"
  r"combatants|jihadists|terrorists|gunmen|marines|paratroopers)\b", note="combat killing")
V("kill", "1823", note="kill")
V("shoot", "190", r"\b(?:drones?|planes?|aircraft|jets?|helicopters?|missiles?|rockets?|balloons?)\b",
  particle="down", note="shoot down")
V("shoot", "1823", "", particle="dead|down", note="shoot dead")
V("shoot", "175", PROTESTERS, note="violent repression")
V("shoot", "1823", r"\b(?:dead|death)\b", note="shoot dead")
V("shoot", "193", note="small arms")
V("gun", "1823", "", particle="down", note="kill")
V("assassinate", "186", note="assassinate")
N("assassination", "185", r"\b(?:attempt|attempted|plot|bid|foiled|failed)\b", note="assassination attempt")
N("assassination", "186", note="assassinate")
N("attempt", "185", r"\b(?:assassinat\w*|on (?:his|her|the (?:president|prime minister|leader)'?s?) life|to kill)\b",
  note="assassination attempt")
N("plot", "185", r"\b(?:to kill|assassinat\w*|to murder)\b", note="assassination plot")
V("plot", "185", r"\b(?:kill|assassinat\w*|murder)\b", note="assassination plot")
V("bomb", "183", r"\b(?:markets?|mosques?|church\w*|temples?|bus|buses|trains?|stations?|cafes?|restaurants?|"
  r"hotels?|shrines?|synagogues?|wedding|funeral|concert|checkpoint)\b", note="non-military bombing")
V("bomb", "195", note="aerial bombing")
N("bombing", "1831", r"\bsuicide\b", note="suicide bombing")
N("bombing", "1832", r"\bcar\b|\bvehicle\b|\btruck\b", note="car bombing")
N("bombing", "1833", r"\b(?:roadside|ied|improvised)\b", note="roadside bombing")
N("bombing", "195", r"\b(?:air|aerial|campaign|raids?|runs?|planes?|jets|aircraft|warplanes|carpet|"
  r"bombers|sorties)\b", note="aerial bombing")
N("bombing", "183", note="bombing")
V("blow", "183", "", particle="up", note="bombing")
V("detonate", "2042", r"\bnuclear\b", note="nuclear weapon")
V("detonate", "1831", r"\bsuicide\b", note="suicide bombing")
V("detonate", "1832", r"\bcar bomb\b", note="car bomb")
V("detonate", "183", note="bombing")
N("blast", "183", note="bombing")
N("explosion", "183", r"\b(?:bomb|suicide|car bomb|ied|explosive device)\b", note="bombing")
V("shield", "184", r"\bhuman\b", note="human shield")

# =============================================================== 19 FIGHT
V("attack", "2041", r"\b(?:chemical|sarin|chlorine|nerve agents?|poison gas|toxic gas)\b", note="chemical attack")
V("attack", "195", r"\b(?:drones?|warplanes|aircraft|jets|helicopters?|airstrikes?|from the air|bombers)\b",
  note="aerial attack")
V("attack", "194", r"\b(?:artillery|mortars?|tanks|shells|howitzers)\b", note="artillery")
V("attack", "175", PROTESTERS, note="repression")
V("attack", "190", note="military attack")
N("attack", "2041", r"\b(?:chemical|sarin|chlorine|nerve agents?|poison gas|toxic gas|gas)\b", note="chemical attack")
N("attack", "2042", r"\bnuclear\b", note="nuclear attack")
N("attack", "1831", r"\bsuicide\b", note="suicide attack")
N("attack", "1832", r"\bcar bomb\b", note="car bomb")
N("attack", "1833", r"\b(?:roadside|ied)\b", note="roadside bomb")
N("attack", "195", r"\b(?:air|aerial|drones?|warplanes|aircraft|jets|helicopters?|airstrikes?|bombers)\b",
  note="aerial attack")
N("attack", "194", r"\b(?:artillery|mortars?|tanks?|shells|howitzers)\b", note="artillery")
N("attack", "193", r"\b(?:gunmen|gunfire|small arms|rifles?|machine guns?|snipers?|shooting)\b", note="small arms")
N("attack", "170", r"\b(?:cyber|hack\w*|ransomware)\b", note="cyberattack = coercion")
N("attack", "111", VERBAL + r"|\bverbal\b", note="verbal attack")
N("attack", "175", PROTESTERS, note="repression")
N("attack", "190", note="military attack")
N("cyberattack", "170", note="coercion")
V("hack", "170", note="coercion")
N("strike", "2042", r"\bnuclear\b", note="nuclear strike")
protest_block("strike", "noun", "142", require=r"\bhunger\b", default=False)
N("strike", "142", r"\bhunger\b", note="hunger strike")
N("strike", "195", r"\b(?:air|airstrike|drones?|missiles?|aerial|warplanes|aircraft|jets)\b", note="aerial strike")
LABOUR = (r"\b(?:workers|union|unions|general|labou?r|doctors|nurses|teachers|miners|drivers|employees|"
          r"staff|wages?|pay|pensions?|dockers|pilots|railway|transport|nationwide|walkout|industrial|"
          r"warning strike|24-hour|48-hour|indefinite|working conditions|job security|jobs|to demand|walk off)\b")
protest_block("strike", "noun", "143", require=LABOUR, default=False)
N("strike", "143", LABOUR, note="labour strike")
N("strike", "190", note="military strike")
V("strike", "195", r"\b(?:drones?|missiles?|aircraft|warplanes|jets|from the air|bombers)\b", note="aerial strike")
V("strike", "120", r"\b(?:law|ban|ruling|measure|rule|order|decree|bill|policy|provision)\b", particle="down",
  note="strike down = reject")
V("strike", "190", none_of("balance", "chord", "tone", "note", "pose", "fear", "match", "gold", "oil", "deal",
                           "agreement", "blow", "nerve", "optimistic", "conciliatory", "defiant", "upbeat",
                           "different", "similar"), note="military strike")
N("airstrike", "195", note="aerial weapons")
N("sortie", "195", note="aerial weapons")
V("strafe", "195", note="aerial weapons")
V("shell", "194", note="artillery")
N("shelling", "194", note="artillery")
V("bombard", "194", note="artillery")
N("bombardment", "195", r"\b(?:air|aerial|warplanes|jets)\b", note="aerial")
N("bombardment", "194", note="artillery")
N("barrage", "194", note="artillery")
V("pound", "194", MILTARGET + r"|\b(?:areas|neighbou?rhoods|districts|suburbs|outskirts)\b", note="artillery")
N("gunfire", "193", note="small arms")
N("firefight", "193", note="small arms")
N("gunfight", "193", note="small arms")
N("shootout", "193", note="small arms")
N("gunbattle", "193", note="small arms")
N("skirmish", "193", note="small arms")
N("fire", "194", r"\b(?:artillery|mortars?|tanks?|shells?|howitzers?)\b", note="artillery fire")
N("fire", "193", r"\b(?:sniper|small arms|machine[- ]guns?|rifles?|gun)\b", note="small arms fire")
N("fire", "190", r"\b(?:rocket|missile|enemy|hostile|cross)\b", note="fire")
V("fight", "190", none_of("corruption", "poverty", "crime", "disease", "covid\\w*", "coronavirus", "fires?",
                          "wildfires?", "blazes?", "inflation", "climate change", "drugs", "pandemic", "virus",
                          "cancer", "hunger", "discrimination", "racism", "injustice", "extradition", "charges",
                          "lawsuit", "case", "ruling", "rights", "justice", "freedom", "legal", "court", "tears",
                          "unemployment", "misinformation", "disinformation", "fake news", "terror\\w*", "malaria",
                          "ebola", "aids", "hiv", "fraud", "smuggling", "trafficking", "illiteracy", "obesity",
                          "elections?", "bill", "law"), note="fight")
N("fighting", "190", note="fight")
N("fight", "190", MILTARGET, note="fight")
V("battle", "190", none_of("corruption", "fires?", "wildfires?", "blazes?", "inflation", "disease", "virus",
                           "pandemic", "cancer", "illness", "addiction", "drought", "floods?", "heat",
                           "crime", "poverty", "charges", "lawsuit", "court", "elections?", "polls", "votes?"),
  note="fight")
N("battle", "193", r"\bgun\b", note="gun battle")
N("battle", "190", none_of("legal", "court", "custody", "political", "election", "elections", "cancer", "illness",
                           "addiction", "bidding", "takeover", "wits", "ideas", "budget", "narratives?"),
  note="battle")
V("combat", "190", MILTARGET + r"|\b(?:invaders|occupiers|enemy)\b", note="fight")
N("combat", "190", note="fight")
N("hostility", "190", note="hostilities")
N("offensive", "190", note="offensive")
N("counteroffensive", "190", note="counteroffensive")
N("counterattack", "190", note="counterattack")
V("counterattack", "190", note="counterattack")
N("onslaught", "190", note="military force")
N("incursion", "190", note="incursion")
N("ambush", "190", note="ambush")
V("ambush", "190", note="ambush")
V("invade", "190", note="invasion")
N("invasion", "190", note="invasion")
V("advance", "190", "", particle="on|toward|towards|into", note="military advance")
V("advance", "190", MILTARGET, note="military advance")
N("advance", "190", "", particle="on|toward|towards|into", note="military advance")
V("retaliate", "195", r"\b(?:airstrikes?|air strikes?|drones?|air raids?|bombing)\b", note="aerial retaliation")
V("retaliate", "163", SANCTIONS, note="sanctions")
V("retaliate", "161", r"\b(?:expel\w*|expulsion)\b.{0,20}\b(?:diplomats?|ambassador)\b", note="reduce relations")
V("retaliate", "190", note="retaliation (military by default)")
N("retaliation", "190", note="retaliation")
N("reprisal", "190", note="reprisal")
V("repel", "190", note="fight")
V("repulse", "190", note="fight")
V("wage", "190", r"\b(?:war|campaign|battle|offensive|insurgency|fight|jihad)\b", note="fight")
V("launch", "195", r"\b(?:airstrikes?|air strikes?|air raids?|drone strikes?|drone attacks?|air campaign|"
  r"bombing raids?|sorties)\b", note="aerial weapons")
V("launch", "2042", r"\bnuclear (?:strike|attack|missiles?|weapons?)\b", note="nuclear")
V("launch", "170", r"\b(?:cyber\w*|hack\w*)\b", note="cyberattack")
V("launch", "190", r"\b(?:attacks?|offensive|counteroffensive|counter-offensive|assault|operations?|raids?|"
  r"invasion|strikes?|missiles?|rockets?|incursions?|military|ground)\b", note="military force")
V("launch", "113", r"\bcampaign against\b", note="rally opposition")
V("launch", "143", r"\b(?:strikes?|boycott|walkout)\b", note="strike")
V("launch", "115", r"\b(?:lawsuit|legal (?:action|challenge)|case)\b", note="lawsuit")
V("carry", "2041", r"\bchemical\b", particle="out", note="chemical attack")
V("carry", "1831", r"\bsuicide\b", particle="out", note="suicide bombing")
V("carry", "195", r"\b(?:airstrikes?|air strikes?|air raids?|drone strikes?|bombing raids?|sorties|aerial)\b",
  particle="out", note="aerial weapons")
V("carry", "183", r"\b(?:bombings?|bomb attacks?|blasts?|explosions?)\b", particle="out", note="bombing")
V("carry", "186", r"\bassassinations?\b", particle="out", note="assassinate")
V("carry", "1823", r"\b(?:executions?|killings?|murders?|beheadings?|hangings?)\b", particle="out",
  note="kill")
V("carry", "173", r"\b(?:arrests?|detentions?|raids on homes)\b", particle="out", note="arrest")
V("carry", "090", INVESTIGATION, particle="out", note="investigate")
V("carry", "150", r"\b(?:drills|exercises|tests?|maneuvers|manoeuvres|patrols)\b", particle="out",
  note="show of force")
V("carry", "190", r"\b(?:attacks?|strikes?|raids?|operations?|assaults?|offensive|shelling|ambush|incursions?)\b",
  particle="out", note="military force")
V("hit", "195", r"\b(?:drones?|missiles?|airstrikes?|air strikes?|warplanes|jets)\b", note="aerial")
V("hit", "190", MILTARGET + r"|\b(?:hospitals?|schools?|infrastructure|power (?:plants?|stations?|grid)|"
  r"residential|civilians|homes|buildings)\b", note="military strike")
V("target", "195", r"\b(?:drones?|airstrikes?|air strikes?|warplanes|missiles?)\b", note="aerial")
V("target", "190", none_of("voters", "audience", "consumers", "customers", "market", "markets", "inflation",
                           "growth", "investors", "readers", "viewers", "buyers"), note="military targeting")
V("besiege", "191", note="blockade")
N("siege", "191", note="blockade")
V("blockade", "191", note="blockade")
N("blockade", "191", note="blockade")
V("encircle", "191", note="blockade")
N("encirclement", "191", note="blockade")
V("surround", "191", MILTARGET, note="encircle")
V("seal", "191", r"\b(?:border|borders|area|city|town|village|region|district|crossings?|airport|off)\b",
  note="restrict movement")
V("seal", "191", "", particle="off", note="seal off")
V("annex", "192", note="occupy territory")
N("annexation", "192", note="occupy territory")
V("overrun", "192", note="occupy territory")
V("retake", "192", note="occupy territory")
V("recapture", "192", note="occupy territory")
V("liberate", "192", MILTARGET + r"|\b(?:oblast|settlement|island|peninsula|region)\b", note="take territory")
V("enter", "192", r"\b(?:city|town|village|territory|capital|province|district|region)\b", note="occupy")
V("sink", "190", r"\b(?:ships?|vessels?|boats?|warships?|frigates?|submarines?|cruisers?|flagship)\b",
  note="military force")
V("torpedo", "190", r"\b(?:ships?|vessels?|boats?|warships?)\b", note="military force")
V("torpedo", "120", r"\b(?:talks|deal|negotiations|agreement|plan|bill|efforts|process)\b", note="reject")
V("mine", "190", r"\b(?:ports?|harbou?rs?|waters|roads?|strait|sea lanes)\b", note="military force")
V("drive", "174", r"\b(?:residents|civilians|people|villagers|families|inhabitants)\b", particle="out",
  note="expel")
V("drive", "190", MILTARGET, particle="out|back", note="military force")
V("lead", "042", r"\bdelegations?\b", note="lead a delegation = visit")
V("lead", "046", r"\b(?:talks|negotiations)\b", note="negotiate")
V("lead", "141", r"\b(?:protests?|march|marches|rall(?:y|ies)|demonstrations?)\b", note="demonstrate")
V("lead", "190", r"\b(?:attacks?|offensive|assault|raids?|invasion|counteroffensive|charge)\b", note="military force")

# =============================================================== 20 MASS VIOLENCE
V("massacre", "202", note="mass killings")
N("massacre", "202", note="mass killings")
V("slaughter", "202", note="mass killings")
N("slaughter", "202", note="mass killings")
V("exterminate", "202", note="mass killings")
N("extermination", "202", note="mass killings")
N("genocide", "202", note="mass killings")
N("pogrom", "202", note="mass killings")
V("wipe", "202", r"\b(?:villages?|population|people|civilians|families|communit\w*|towns?|tribes?|minority)\b",
  particle="out", note="mass killings")
N("cleansing", "203", note="ethnic cleansing")
V("cleanse", "203", note="ethnic cleansing")
V("gas", "2041", note="chemical weapons")
V("nuke", "2042", note="nuclear weapons")
V("poison", "2041", r"\b(?:water|wells|population|villages?)\b", note="chemical/biological")
V("poison", "180", note="poisoning (unconventional violence)")
N("poisoning", "180", note="unconventional violence")


def main(path):
    # group rows: lemma+pos contiguous (order of first appearance), rows in authoring order
    order, groups = [], {}
    for r_ in ROWS:
        key = (r_[0], r_[1])
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(r_)
    with open(path, "w", encoding="utf-8") as f:
        f.write("lemma\tpos\tparticle\tobject\tcameo\tnote\n")
        for key in order:
            rows = groups[key]
            # particle rows first (stable), as the matcher will try them
            rows = [r_ for r_ in rows if r_[2]] + [r_ for r_ in rows if not r_[2]]
            for r_ in rows:
                f.write("\t".join(r_) + "\n")
    print(len(ROWS), "rows", len(order), "lemma/pos")


if __name__ == "__main__":
    main(sys.argv[1])
