/// Totals the reports read instead of every sale and visit (schema step 10). SQLite triggers
/// keep them, so every path that writes (chat, import, undo, a card moved to another rep, a
/// card deleted) keeps them right without knowing about them, inside its own transaction.
///
/// Only live cards (not deleted) count, under their present owner:
///
/// - `tally(owner, what, day, count, amount)`: per rep and day, `order` and `payment` (count
///   and amount), `visit.planned` and `visit.done` (visits in person, not calls; by the day
///   they are for), `new` (cards made that day).
/// - `open_tally(owner, terms, cause, day, amount)`: what is still open of the orders placed
///   on `day`, by the card's own terms (-1: the policy's) and overdue cause ("" none). The
///   receivables' age buckets are a few hundred rows of it, whatever the number of orders.
/// - `order_total(owner, period, customer_id, amount)`: each card's orders per year (`YYYY`),
///   month (`YYYY-MM`) and day (`YYYY-MM-DD`). The ABC analysis adds up a period from the
///   fewest of them (a year less a month reads one row a card, not one an order).
/// - `customer.open_since`: the day of the card's oldest order not paid in full (payments
///   settle the oldest first), so it is overdue when that day plus its terms is past.
///
/// The steps are frozen once released: a later change to the totals is a new step, not an
/// edit here.
enum Totals {
    static let step10 = """
        ALTER TABLE customer ADD COLUMN open_since TEXT;
        CREATE TABLE tally (
            owner TEXT NOT NULL, what TEXT NOT NULL, day TEXT NOT NULL,
            count INTEGER NOT NULL, amount INTEGER NOT NULL,
            PRIMARY KEY (owner, what, day)
        ) WITHOUT ROWID;
        CREATE TABLE open_tally (
            owner TEXT NOT NULL, terms INTEGER NOT NULL, cause TEXT NOT NULL, day TEXT NOT NULL, amount INTEGER NOT NULL,
            PRIMARY KEY (owner, terms, cause, day)
        ) WITHOUT ROWID;
        CREATE TABLE order_total (
            owner TEXT NOT NULL, period TEXT NOT NULL, customer_id INTEGER NOT NULL, amount INTEGER NOT NULL,
            PRIMARY KEY (owner, period, customer_id)
        ) WITHOUT ROWID;
        CREATE INDEX customer_open ON customer(owner, terms_days, open_since) WHERE open_since IS NOT NULL AND deleted_at IS NULL;

        -- One card's part of the totals, row by row, for moving it in or out as a whole.
        CREATE VIEW tally_part(customer_id, what, day, amount) AS
            SELECT customer_id, kind, day, amount FROM sale
            UNION ALL SELECT customer_id, 'visit.' || status, day, 0 FROM visit WHERE kind = 'visit' AND status IN ('planned', 'done');
        CREATE VIEW order_part(customer_id, period, amount) AS
            SELECT customer_id, substr(day, 1, 4), amount FROM sale WHERE kind = 'order'
            UNION ALL SELECT customer_id, substr(day, 1, 7), amount FROM sale WHERE kind = 'order'
            UNION ALL SELECT customer_id, day, amount FROM sale WHERE kind = 'order';

        \(sale)
        \(visit)
        \(card)

        -- What the store holds already.
        UPDATE customer SET open_since = (SELECT min(day) FROM sale WHERE customer_id = customer.id AND open > 0);
        INSERT INTO tally(owner, what, day, count, amount)
            SELECT owner, what, day, count(*), sum(amount) FROM (
                SELECT c.owner, p.what, p.day, p.amount FROM tally_part p JOIN customer c ON c.id = p.customer_id WHERE c.deleted_at IS NULL
                UNION ALL SELECT owner, 'new', substr(created_at, 1, 10), 0 FROM customer WHERE deleted_at IS NULL)
            GROUP BY 1, 2, 3;
        INSERT INTO open_tally(owner, terms, cause, day, amount)
            SELECT c.owner, coalesce(c.terms_days, -1), coalesce(c.overdue_cause, ''), s.day, sum(s.open) FROM sale s JOIN customer c ON c.id = s.customer_id
            WHERE s.open > 0 AND c.deleted_at IS NULL GROUP BY 1, 2, 3, 4;
        INSERT INTO order_total(owner, period, customer_id, amount)
            SELECT c.owner, p.period, p.customer_id, sum(p.amount) FROM order_part p JOIN customer c ON c.id = p.customer_id
            WHERE c.deleted_at IS NULL GROUP BY 1, 2, 3;
        """

    // Adding to a total: a row per key, created at its first use.
    private static let addTally = "ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount"
    private static let addAmount = "ON CONFLICT DO UPDATE SET amount = amount + excluded.amount"

    // A sale row's part, in (sign +1) or out (-1), under its card's owner when the card is live.
    private static func salePart(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally(owner, what, day, count, amount)
            SELECT owner, \(row).kind, \(row).day, \(sign), \(sign) * \(row).amount FROM customer WHERE id = \(row).customer_id AND deleted_at IS NULL
            \(addTally);
            INSERT INTO order_total(owner, period, customer_id, amount)
            SELECT owner, substr(\(row).day, 1, 4), id, \(sign) * \(row).amount FROM customer WHERE id = \(row).customer_id AND deleted_at IS NULL AND \(row).kind = 'order'
            UNION ALL
            SELECT owner, substr(\(row).day, 1, 7), id, \(sign) * \(row).amount FROM customer WHERE id = \(row).customer_id AND deleted_at IS NULL AND \(row).kind = 'order'
            UNION ALL
            SELECT owner, \(row).day, id, \(sign) * \(row).amount FROM customer WHERE id = \(row).customer_id AND deleted_at IS NULL AND \(row).kind = 'order'
            \(addAmount);
        """
    }

    // What is open of a sale row, in or out, and its card's oldest open day worked out again.
    private static func openPart(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO open_tally(owner, terms, cause, day, amount)
            SELECT owner, coalesce(terms_days, -1), coalesce(overdue_cause, ''), \(row).day, \(sign) * \(row).open FROM customer
            WHERE id = \(row).customer_id AND deleted_at IS NULL AND \(row).open > 0
            \(addAmount);
            UPDATE customer SET open_since = (SELECT min(day) FROM sale WHERE customer_id = \(row).customer_id AND open > 0) WHERE id = \(row).customer_id;
        """
    }

    private static let sale = """
        CREATE TRIGGER sale_added AFTER INSERT ON sale BEGIN
            \(salePart("NEW", "1"))
            \(openPart("NEW", "1"))
        END;
        CREATE TRIGGER sale_removed AFTER DELETE ON sale BEGIN
            \(salePart("OLD", "-1"))
            \(openPart("OLD", "-1"))
        END;
        CREATE TRIGGER sale_changed AFTER UPDATE OF customer_id, kind, day, amount ON sale BEGIN
            \(salePart("OLD", "-1"))
            \(salePart("NEW", "1"))
        END;
        CREATE TRIGGER sale_settled AFTER UPDATE OF customer_id, day, open ON sale BEGIN
            \(openPart("OLD", "-1"))
            \(openPart("NEW", "1"))
        END;
        """

    // A visit in person counts by the day it is for, planned or done.
    private static func visitPart(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally(owner, what, day, count, amount)
            SELECT owner, 'visit.' || \(row).status, \(row).day, \(sign), 0 FROM customer
            WHERE id = \(row).customer_id AND deleted_at IS NULL AND \(row).kind = 'visit' AND \(row).status IN ('planned', 'done')
            \(addTally);
        """
    }

    private static let visit = """
        CREATE TRIGGER visit_added AFTER INSERT ON visit BEGIN \(visitPart("NEW", "1")) END;
        CREATE TRIGGER visit_removed AFTER DELETE ON visit BEGIN \(visitPart("OLD", "-1")) END;
        CREATE TRIGGER visit_changed AFTER UPDATE OF customer_id, kind, status, day ON visit BEGIN
            \(visitPart("OLD", "-1"))
            \(visitPart("NEW", "1"))
        END;
        """

    // A whole card's part, in or out: when it is made, deleted (or undeleted), moved to
    // another rep, or its terms or overdue cause change.
    private static func cardPart(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally(owner, what, day, count, amount)
            SELECT \(row).owner, 'new', substr(\(row).created_at, 1, 10), \(sign), 0 WHERE \(row).deleted_at IS NULL
            \(addTally);
            INSERT INTO tally(owner, what, day, count, amount)
            SELECT \(row).owner, what, day, \(sign) * count(*), \(sign) * sum(amount) FROM tally_part
            WHERE customer_id = \(row).id AND \(row).deleted_at IS NULL GROUP BY what, day
            \(addTally);
            INSERT INTO order_total(owner, period, customer_id, amount)
            SELECT \(row).owner, period, \(row).id, \(sign) * sum(amount) FROM order_part
            WHERE customer_id = \(row).id AND \(row).deleted_at IS NULL GROUP BY period
            \(addAmount);
            INSERT INTO open_tally(owner, terms, cause, day, amount)
            SELECT \(row).owner, coalesce(\(row).terms_days, -1), coalesce(\(row).overdue_cause, ''), day, \(sign) * sum(open) FROM sale
            WHERE customer_id = \(row).id AND open > 0 AND \(row).deleted_at IS NULL GROUP BY day
            \(addAmount);
        """
    }

    private static let card = """
        CREATE TRIGGER card_added AFTER INSERT ON customer BEGIN \(cardPart("NEW", "1")) END;
        CREATE TRIGGER card_removed BEFORE DELETE ON customer BEGIN \(cardPart("OLD", "-1")) END;
        CREATE TRIGGER card_changed AFTER UPDATE OF owner, deleted_at, created_at, terms_days, overdue_cause ON customer
        WHEN OLD.owner IS NOT NEW.owner OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.created_at IS NOT NEW.created_at
            OR OLD.terms_days IS NOT NEW.terms_days OR OLD.overdue_cause IS NOT NEW.overdue_cause BEGIN
            \(cardPart("OLD", "-1"))
            \(cardPart("NEW", "1"))
        END;
        """
}
