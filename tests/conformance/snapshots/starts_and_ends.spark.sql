SELECT
  *
FROM (
  SELECT
    `t3`.`label`,
    SUM(IF(`t3`.`position` = 1, 1, 0)) AS `starts`,
    SUM(IF(`t3`.`position` = `t3`.`_steps`, 1, 0)) AS `ends`
  FROM (
    SELECT
      `t2`.`unit`,
      `t2`.`person`,
      `t2`.`ts`,
      `t2`.`seq`,
      `t2`.`label`,
      `t2`.`event`,
      `t2`.`channel`,
      `t2`.`value`,
      `t2`.`properties`,
      `t2`.`position`,
      MAX(`t2`.`position`) OVER (PARTITION BY `t2`.`unit` ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `_steps`
    FROM (
      SELECT
        `t1`.`unit`,
        `t1`.`person`,
        `t1`.`ts`,
        `t1`.`seq`,
        `t1`.`label`,
        `t1`.`event`,
        `t1`.`channel`,
        `t1`.`value`,
        `t1`.`properties`,
        (
          ROW_NUMBER() OVER (
            PARTITION BY `t1`.`unit`
            ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
          ) - 1
        ) + 1 AS `position`
      FROM (
        SELECT
          `t0`.`unit`,
          `t0`.`person`,
          `t0`.`ts`,
          `t0`.`seq`,
          COALESCE(`t0`.`label`, '(unmapped)') AS `label`,
          `t0`.`event`,
          `t0`.`channel`,
          `t0`.`value`,
          `t0`.`properties`
        FROM `journey_events` AS `t0`
        WHERE
          `t0`.`unit` IS NOT NULL
      ) AS `t1`
    ) AS `t2`
  ) AS `t3`
  GROUP BY
    1
) AS `t4`
WHERE
  (
    `t4`.`starts` > 0
  ) OR (
    `t4`.`ends` > 0
  )
ORDER BY
  `t4`.`label` ASC NULLS LAST
