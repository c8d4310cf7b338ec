package claims

import (
	"strings"
)

// Praise of one's own record. The accused often answers a charge that its
// system fails, not by denying it, but by praising that system: "the
// United States has the best inspection system in the world", "USDA
// makes every effort to minimize the levels of salmonella". The
// annotation guide of the ledger counts such praise as a denial
// (d10-meat: "the finest meat and poultry inspection system in the
// world"). Like a justification it denies only what the document alleges
// against the speaker's side, and only when it speaks of the alleged act
// (their act words meet): the same words from a third party, or with
// nothing alleged, stay statements.

// recordPraise are the phrases by which a party praises its record, its
// system or its efforts, best of all or unstintingly.
var recordPraise = []string{"the best", "the finest", "the safest", "the most respected", "the most effective",
	"the most thorough", "the most rigorous", "the strictest", "the toughest", "second to none", "every effort",
	"every possible effort", "every precaution", "highest standards", "an excellent record", "a good record",
	"an exemplary record", "a fine record", "a sound record", "a strong record"}

// praisesRecord reports whether content praises a record with one of the
// phrases of recordPraise that no negation, question or condition just
// before takes back ("is not the best", "whether it has the best").
func praisesRecord(ts []tok, a, b int) bool {
	low := " " + strings.Join(lows(ts[a:b]), " ") + " "
	for _, p := range recordPraise {
		k := strings.Index(low, " "+p+" ")
		if k < 0 {
			continue
		}
		before := strings.Fields(low[:k])
		neg := false
		for _, w := range before[max(0, len(before)-3):] {
			if negations[w] || w == "no" || w == "n't" || w == "never" || w == "if" || w == "whether" || w == "than" {
				neg = true
			}
		}
		if !neg {
			return true
		}
	}
	return false
}

// firstPerson reports whether content speaks as "we" or "our": a
// claimant who has defended the accused speaks for it so.
func firstPerson(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		switch ts[k].low {
		case "we", "our", "us":
			return true
		}
	}
	return false
}
