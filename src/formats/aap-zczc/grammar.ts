/**
 * AAP's ZCZC wire framing, written once for the sniffer and the reader. A message
 * opens with `ZCZC` (the teleprinter start-of-message) and closes with `NNNN`; header
 * lines before the copy each begin with a marker character:
 *
 *     ZCZC AAP
 *     %A                      service and category
 *     #Legionella_BC1         keyword (slug)
 *     $Legionella found …     headline
 *     :(BRISBANE)             dateline place (or, in racing copy, a heading)
 *     &AAPIS\Huttonc          the filing desk or writer's system id
 *     *07000000               IPTC subject code
 *     @QLD                    state
 *
 * News Bites copy (`zczc`) uses `KEY#value` lines instead: `TI#` headline, `AB#`
 * abstract, `PD#` date, `KY#` keywords, and `TX#` before the text.
 */

/** The start-of-message line: `ZCZC`, `ZCZC AAP`, `ZCZC FMG000`, `ZCZC#Caulfield Betting://…`. */
export const startLine = /^\s*zczc(?=$|[\s#])/i;

/** The end-of-message line. */
export const endLine = /^\s*NNNN\s*$/;

/** A marker header line: the marker and its value. */
export const markerLine = /^([%#$:&*@~^])(.*)$/;

/** A News Bites field line: `TI#UGL continues …`. */
export const keyLine = /^([A-Z]{2})#(.*)$/;

/** An IPTC subject code (`07000000`). */
export const subjectCode = /^\d{8}$/;
