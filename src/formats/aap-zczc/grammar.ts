/**
 * AAP's wire copy, written once for the sniffer and the reader.
 *
 * Most of it is ZCZC-framed. A message opens with `ZCZC` (the teleprinter
 * start-of-message) and closes with `NNNN`; header lines before the copy each begin
 * with a marker character. Two marker dialects are in use:
 *
 *     ZCZC AAP                          ZCZC AAP
 *     %A        service and category    $T        category letter (T tabular, J, K …)
 *     #Legionella_BC1   keyword (slug)  :AFL Preview         keyword
 *     $Legionella found …   headline    =Round 23            take key
 *     :(BRISBANE)   dateline place      ^AFL: AFL Round 23 … headline
 *     &AAPIS\Huttonc    desk            *X        layout (X text, T tabular)
 *     *07000000     IPTC subject code   &A        service level
 *     @QLD          state               +15084000 IPTC subject code
 *
 * Copy from AAP's racing and results systems (`ZCZC FMG000`) names its routing
 * instead (`YY RFG TDR`, `HH TDCom`) and then gives its heading, either on `:` lines
 * (`:POTTED :Eagle Farm MARKET DAY`, `:Premierships …` and a one-word `:TRAINER-JOCKEY`
 * keyword) or as the first line of copy (`RACING : Caulfield FIELDS Saturday`).
 * Pagemasters copy (`ZCZC`, `#Caulfield Betting`, `:11/2/2017`) names itself by its
 * keyword and the date only.
 *
 * News Bites copy (`zczc`) uses `KEY#value` lines instead: `TI#` headline, `AB#`
 * abstract, `PD#` date, `KY#` keywords, and `TX#` before the text.
 *
 * AAP also relays copy with no framing at all, each kind recognised by its layout:
 * Bureau of Meteorology warnings (the product id, `IDN38100`, on the first line,
 * then the issuing office and the notice's title) and results sheets (a title line,
 * `Cranbourne, Wednesday 27 Apr 2016`, then rows of fields parted by `|`).
 */

/** The start-of-message line: `ZCZC`, `ZCZC AAP`, `ZCZC FMG000`, `ZCZC#Caulfield Betting://…`. */
export const startLine = /^\s*zczc(?=$|[\s#])/i;

/** The end-of-message line. */
export const endLine = /^\s*NNNN\s*$/;

/** A marker header line: the marker and its value. */
export const markerLine = /^([%#$:&*@~^=+])(.*)$/;

/**
 * A marker that may stand after a blank line and still be header: not `$` or `#`,
 * which can open copy (`$25m…`), and `+` only before a subject code.
 */
export const headerAfterBlank = /^(?:[%:&*@~^=]|\+\d{8}\s*$)/;

/** A News Bites field line: `TI#UGL continues …`. */
export const keyLine = /^([A-Z]{2})#(.*)$/;

/** An IPTC subject code (`07000000`). */
export const subjectCode = /^\d{8}$/;

/** The category letter of the second dialect: `$T`, `$J`. A longer `$` value is a headline. */
export const categoryLetter = /^[A-Za-z]$/;

/** A date alone on a `:` line: Pagemasters' `:11/2/2017`. */
export const markerDate = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** A one-word `:` line after the heading: the keyword (`:TRAINER-JOCKEY`). */
export const markerKeyword = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The racing systems' desk word before a `:` heading: `:POTTED :Eagle Farm MARKET DAY`. */
export const headingPrefix = /^[A-Z ]+:\s*/;

/**
 * The routing line of racing and results copy: a doubled priority letter, then the
 * destinations (`YY TDR`, `YY RFG TDR`, `HH TDCom`, `YY RFG INTERNET (3RR) NC(ATD)`).
 */
export const routingLine = /^([A-Z])\1(?: +(?:[A-Z][A-Za-z0-9]*(?: ?\([A-Z0-9]+\))?|\([A-Z0-9]+\)))+ *$/;

/** A Bureau of Meteorology product id, alone on the first line: `IDN38100`, `IDY21020`. */
export const bomProductId = /^ID[A-Z]\d{5}$/;

/** The issuing office of a BoM product, found in its first lines. */
export const bomOffice = /\bBureau of Meteorology\b/;

/** `Issued by the Australian Government Bureau of Meteorology, BNOC`: the office, named. */
export const bomIssuedBy = /^Issued by (?:the )?(.+)$/i;

/**
 * The time a BoM product was issued: `Issued at 9:27 am EST on Thursday 5 July 2018.`
 * or, in marine warnings, `At 1859UTC 15 July 2018`.
 */
export const bomIssuedAt =
  /^(?:Issued at|At)\s+(\d{1,2}):?(\d{2})\s*(am|pm)?\s*([A-Z]{3,4})?\s+(?:on\s+)?(?:[A-Z][a-z]+day\s+)?(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\.?$/i;

/**
 * Lines of a marine warning that are neither title nor office: the GMDSS coding line
 * (`40:2:1:04:55S075E35100:11:00`) and the safety signal (`SECURITE`, `PAN PAN`).
 */
export const bomCodingLine = /^[\dNSEW]+(?::[\dNSEW]+){3,}$/;
export const bomSafetySignal = /^(?:SECURITE|PAN[ -]PAN|MAYDAY)$/;

/** Offsets of the time zones BoM products are issued in. */
export const bomZones: Record<string, string> = {
  UTC: '+00:00',
  GMT: '+00:00',
  EST: '+10:00',
  EDT: '+11:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  CST: '+09:30',
  CDT: '+10:30',
  ACST: '+09:30',
  ACDT: '+10:30',
  WST: '+08:00',
  AWST: '+08:00',
};

/** A row of a results sheet: fields parted by `|` (`1|TWO TIME|2|2|$2.80F||1.50|`). */
export const sheetRow = /\|/;
