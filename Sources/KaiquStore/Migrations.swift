/// The schema, as numbered steps. Step N brings a store from user_version N-1 to N, in one
/// transaction; a store newer than the last step is refused rather than misread.
///
/// Times are the rep's local wall-clock time, `YYYY-MM-DDTHH:MM`; days `YYYY-MM-DD`. A
/// customer's `due_day` (days since 1970) is derived from the cadence, the card, the level
/// and the last contact: it is stored so "who is due" is an index range, not a scan, and the
/// store recomputes it whenever one of those changes (see `Cadence` and `Store.dueExpression`).
enum Migrations {
    static let steps: [String] = [
        // 1: customer cards, each owned by a rep (the local user in a terminal).
        """
        CREATE TABLE customer (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX customer_owner_name ON customer(owner, name);
        """,
        // 2: the whole card (rebuilt in one go, not column by column: each ALTER TABLE makes
        // SQLite read the schema again), phones, profiles, notes, visits, the development flow
        // with its objections and events, and the undo journal.
        """
        CREATE TABLE customer_v2 (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            -- The name folded as the parser folds it (the store backfills it for older rows).
            name_key TEXT NOT NULL DEFAULT '',
            company TEXT,
            email TEXT,
            wechat TEXT,
            region TEXT,
            address TEXT,
            role TEXT,
            source TEXT,
            birthday TEXT,
            birthday_key TEXT,
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            level_by_rep INTEGER NOT NULL DEFAULT 0,
            card TEXT CHECK (card IN ('A', 'B', 'C')),
            card_by_rep INTEGER NOT NULL DEFAULT 0,
            money INTEGER,
            authority INTEGER,
            need INTEGER,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
            deal_amount INTEGER,
            lost_reason TEXT,
            credit_grade TEXT,
            credit_scores TEXT,
            credit_on TEXT,
            last_contact TEXT,
            contact_count INTEGER NOT NULL DEFAULT 0,
            due_day INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        INSERT INTO customer_v2(id, owner, name, created_at, updated_at, deleted_at)
            SELECT id, owner, name, created_at, updated_at, deleted_at FROM customer;
        DROP TABLE customer;
        ALTER TABLE customer_v2 RENAME TO customer;

        -- Each index answers one question without touching the table: names for the parser,
        -- a name, who is due, whose birthday, a list page in priority or contact order.
        CREATE INDEX customer_names ON customer(owner, name) WHERE deleted_at IS NULL;
        CREATE INDEX customer_key ON customer(owner, name_key) WHERE deleted_at IS NULL;
        CREATE INDEX customer_due ON customer(owner, due_day, id) WHERE due_day IS NOT NULL;
        CREATE INDEX customer_birthday ON customer(owner, birthday_key) WHERE birthday_key IS NOT NULL;
        CREATE INDEX customer_priority ON customer(owner, coalesce(card, 'Z'), coalesce(level, 9), name_key, id)
            WHERE deleted_at IS NULL AND status != 'lost';
        CREATE INDEX customer_contact ON customer(owner, coalesce(last_contact, created_at), id)
            WHERE deleted_at IS NULL AND status != 'lost';

        CREATE TABLE phone (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number TEXT NOT NULL,
            PRIMARY KEY (customer_id, position)
        );
        CREATE INDEX phone_number ON phone(number);

        CREATE TABLE profile (
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (customer_id, field)
        );

        CREATE TABLE note (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX note_customer ON note(customer_id, id);

        CREATE TABLE visit (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            time TEXT,
            end_time TEXT,
            purpose TEXT,
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
            outcome TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX visit_day ON visit(owner, status, day);
        CREATE INDEX visit_customer ON visit(customer_id, day);

        CREATE TABLE flow (
            customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
            step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
            ticked TEXT NOT NULL DEFAULT '',
            refusal_about TEXT,
            refusal_form TEXT,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX flow_step ON flow(step);

        CREATE TABLE objection (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            said TEXT,
            raised_at TEXT NOT NULL,
            resolved_at TEXT
        );
        CREATE INDEX objection_customer ON objection(customer_id, id);

        CREATE TABLE flow_event (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            step_from INTEGER,
            step_to INTEGER,
            detail TEXT
        );
        CREATE INDEX flow_event_customer ON flow_event(customer_id, id);

        -- One entry per change a rep made, and the rows as they were before it, for undo.
        CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            at TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX journal_owner ON journal(owner, undone, id);
        CREATE TABLE journal_row (
            journal_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            before TEXT,
            PRIMARY KEY (journal_id, seq)
        );

        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 3: a visit's time zone (the IANA name its day and time are in, the rep's when it was
        // planned; NULL for older visits, read in the rep's zone). The journal is pruned to
        // each rep's newest entries, found by this index.
        """
        ALTER TABLE visit ADD COLUMN zone TEXT;
        CREATE INDEX journal_recent ON journal(owner, id);
        """,
        // 4: a team in one store, for the bridge. Users (an id, the owner of their cards, and
        // the platform ids that reach it), each user's conversation state, who owned a card
        // when, and an audit log of what a manager looked at, moved or exported.
        """
        CREATE TABLE user (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            role TEXT NOT NULL CHECK (role IN ('rep', 'manager')),
            team TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX user_team ON user(team);
        CREATE TABLE user_alias (
            platform_id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE
        );
        -- Whose cards a user reaches: their own, and a manager their team's.
        CREATE VIEW team_member(viewer, member) AS
            SELECT id, id FROM user
            UNION SELECT m.id, u.id FROM user m JOIN user u ON u.team = m.team AND u.id != m.id
                WHERE m.role = 'manager' AND m.team IS NOT NULL;

        CREATE TABLE conversation (
            user_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- A card's owners before the present one (the present one is customer.owner).
        CREATE TABLE ownership (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            until TEXT NOT NULL,
            moved_by TEXT NOT NULL
        );
        CREATE INDEX ownership_customer ON ownership(customer_id, id);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('view', 'reassign', 'export')),
            owner TEXT,
            customer_id INTEGER,
            customer_name TEXT,
            detail TEXT
        );
        CREATE INDEX audit_at ON audit(at, id);
        """,
        // 5: each rep's training record: one row per finished role-play, with its score and
        // the scorecard's criteria met (comma-separated ids).
        """
        CREATE TABLE training (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            scenario TEXT NOT NULL,
            at TEXT NOT NULL,
            ending TEXT NOT NULL,
            score INTEGER NOT NULL,
            total INTEGER NOT NULL,
            met TEXT NOT NULL
        );
        CREATE INDEX training_owner ON training(owner, id);
        """,
        // 6: orders and payments, and a customer's own payment terms and credit limit.
        """
        ALTER TABLE customer ADD COLUMN terms_days INTEGER;
        ALTER TABLE customer ADD COLUMN credit_limit INTEGER;
        CREATE TABLE sale (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('order', 'payment')),
            day TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            at TEXT NOT NULL
        );
        CREATE INDEX sale_customer ON sale(customer_id, day, id);
        """,
        // 7: why a customer pays late (one of the six causes of 渠道帐款) and when to follow
        // up on collecting; the reports read sales by day. Each order keeps what is still open
        // of it (payments settle the oldest orders first), so the receivables read only the
        // open orders: worked out here once for the sales already stored.
        """
        ALTER TABLE customer ADD COLUMN overdue_cause TEXT;
        ALTER TABLE customer ADD COLUMN overdue_cause_on TEXT;
        ALTER TABLE customer ADD COLUMN collect_on TEXT;
        CREATE INDEX customer_collect_on ON customer(collect_on) WHERE collect_on IS NOT NULL;
        CREATE INDEX sale_day ON sale(kind, day, customer_id, amount);
        ALTER TABLE sale ADD COLUMN open INTEGER NOT NULL DEFAULT 0;
        CREATE TEMP TABLE open_now AS
            SELECT id, max(0, min(amount, balance - (newer - amount))) AS open FROM (
                SELECT id, kind, amount,
                       sum(CASE kind WHEN 'order' THEN amount ELSE -amount END) OVER (PARTITION BY customer_id) AS balance,
                       sum(CASE kind WHEN 'order' THEN amount ELSE 0 END) OVER (PARTITION BY customer_id ORDER BY day DESC, id DESC) AS newer
                FROM sale)
            WHERE kind = 'order';
        UPDATE sale SET open = (SELECT open FROM open_now WHERE open_now.id = sale.id) WHERE kind = 'order';
        DROP TABLE open_now;
        CREATE INDEX sale_open ON sale(customer_id) WHERE open > 0;
        CREATE INDEX customer_level ON customer(owner, level, status) WHERE deleted_at IS NULL;
        CREATE INDEX customer_created ON customer(owner, created_at) WHERE deleted_at IS NULL;
        CREATE INDEX customer_status ON customer(owner, status, updated_at) WHERE deleted_at IS NULL;
        CREATE INDEX flow_event_kind ON flow_event(kind, at);
        CREATE INDEX objection_raised ON objection(raised_at);
        """,
        // 8: how a contact was made (a visit, a call, WeChat, samples sent): a planned call is a
        // reminder, and the reports count visits apart from calls.
        """
        ALTER TABLE visit ADD COLUMN kind TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'call', 'wechat', 'sample'));
        """,
        // 9: the receivables and the overdue list read every open order's day and open amount:
        // from the index alone, not from each row (124,000 open orders: 460 → 200 ms).
        """
        DROP INDEX sale_open;
        CREATE INDEX sale_open ON sale(customer_id, day, open) WHERE open > 0;
        """,
        // 10: totals the reports read, kept by triggers (see `Totals`).
        Totals.step10,
        // 11: a bridge reads the first phone of every card it lists, and each rep's newest
        // journal entries with whether they are retired on every change: from the index alone,
        // not from each row (a list of ten: 62 → 28 µs; the prune's look back: 16 → 6 µs).
        """
        CREATE INDEX phone_first ON phone(customer_id, position, number);
        DROP INDEX journal_recent;
        CREATE INDEX journal_recent ON journal(owner, id, undone);
        """,
        // 12: the audit log notes a manager's lists of another rep's customers ('list'). A
        // CHECK cannot be altered: the table is written again.
        """
        CREATE TABLE audit_new (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('view', 'list', 'reassign', 'export')),
            owner TEXT,
            customer_id INTEGER,
            customer_name TEXT,
            detail TEXT
        );
        INSERT INTO audit_new SELECT id, at, actor, action, owner, customer_id, customer_name, detail FROM audit;
        DROP TABLE audit;
        ALTER TABLE audit_new RENAME TO audit;
        CREATE INDEX audit_at ON audit(at, id);
        """,
        // 13: an agenda's visits come in the order they are listed (day, those with a time
        // first, time, id) from the index, not sorted again for every "本周要拜访谁".
        """
        DROP INDEX visit_day;
        CREATE INDEX visit_day ON visit(owner, status, day, time IS NULL, time, id);
        """,
        // 14: the due lists (an agenda's 该联系了, 哪些客户很久没联系了) and the card lists read
        // their rows from the index alone. A rep's cards are scattered over the table, a page
        // each, and a list of ten read ten pages besides the index; a change to a listed
        // column (most changes move the due day anyway) rewrites the entry.
        """
        DROP INDEX customer_due;
        CREATE INDEX customer_due ON customer(owner, due_day, id, name, company, region, role, level, card, status, last_contact, created_at)
            WHERE due_day IS NOT NULL;
        DROP INDEX customer_priority;
        CREATE INDEX customer_priority ON customer(owner, coalesce(card, 'Z'), coalesce(level, 9), name_key, id,
            name, company, region, role, level, card, status, last_contact, created_at, deleted_at)
            WHERE deleted_at IS NULL AND status != 'lost';
        """,
    ]
}
