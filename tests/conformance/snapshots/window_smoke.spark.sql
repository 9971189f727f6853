SELECT
  `t0`.`unit`,
  `t0`.`seq`,
  ROW_NUMBER() OVER (
    PARTITION BY `t0`.`unit`
    ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
  ) - 1 AS `step`,
  DATEDIFF(
    MICROSECOND,
    LAG(`t0`.`ts`) OVER (
      PARTITION BY `t0`.`unit`
      ORDER BY `t0`.`ts` ASC NULLS LAST, `t0`.`seq` ASC NULLS LAST
    ),
    `t0`.`ts`
  ) AS `gap_us`
FROM `journey_events` AS `t0`
