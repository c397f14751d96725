-- Periods now run from the day after the decision (民法典 arts. 200-203, record/PublicationPeriods):
-- both stored dates are the first day after a period, one day later than before. The facts (decision
-- date, term) are unchanged, only the counting; the dates are stored because the daily end of
-- publication selects by them and a record keeps the periods of the rules it was published under.
--
-- earliest_repair_date was max(decision + minimum, term end) and is now max(decision + minimum + 1,
-- term end + 1); a zero minimum still holds nothing back, so a record whose earliest date is its
-- decision date and not its term end keeps it.
update dishonesty_record set earliest_repair_date = earliest_repair_date + interval '1' day
 where earliest_repair_date > decision_date
    or (term_end_date is not null and earliest_repair_date = term_end_date);
-- automatic_end_date is now the first day the record is no longer published. A record already
-- expired keeps the day its publication really ended, which its public page shows.
update dishonesty_record set automatic_end_date = automatic_end_date + interval '1' day
 where state <> 'EXPIRED';
