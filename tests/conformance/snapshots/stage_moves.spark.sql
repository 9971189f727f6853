SELECT
  `t6`.`unit`,
  `t6`.`_source` AS `source`,
  `t6`.`label` AS `target`,
  CASE
    WHEN (
      `t6`.`position` - `t6`.`_from`
    ) = 1
    THEN 'forward'
    WHEN (
      `t6`.`position` - `t6`.`_from`
    ) > 1
    THEN 'skip'
    ELSE 'backward'
  END AS `kind`,
  IF(
    (
      `t6`.`position` - `t6`.`_from`
    ) > 1,
    (
      `t6`.`position` - `t6`.`_from`
    ) - 1,
    0
  ) AS `skipped`,
  `t6`.`_first` < `t6`.`_index` AS `revisit`
FROM (
  SELECT
    `t5`.`unit`,
    `t5`.`person`,
    `t5`.`ts`,
    `t5`.`seq`,
    `t5`.`label`,
    `t5`.`event`,
    `t5`.`channel`,
    `t5`.`value`,
    `t5`.`properties`,
    `t5`.`position`,
    `t5`.`_index`,
    `t5`.`_source`,
    `t5`.`_from`,
    MIN(`t5`.`_index`) OVER (
      PARTITION BY `t5`.`unit`, `t5`.`label`
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS `_first`
  FROM (
    SELECT
      `t4`.`unit`,
      `t4`.`person`,
      `t4`.`ts`,
      `t4`.`seq`,
      `t4`.`label`,
      `t4`.`event`,
      `t4`.`channel`,
      `t4`.`value`,
      `t4`.`properties`,
      `t4`.`position`,
      ROW_NUMBER() OVER (
        PARTITION BY `t4`.`unit`
        ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST, `t4`.`label` ASC NULLS LAST
      ) - 1 AS `_index`,
      LAG(`t4`.`label`) OVER (
        PARTITION BY `t4`.`unit`
        ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST, `t4`.`label` ASC NULLS LAST
      ) AS `_source`,
      LAG(`t4`.`position`) OVER (
        PARTITION BY `t4`.`unit`
        ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST, `t4`.`label` ASC NULLS LAST
      ) AS `_from`
    FROM (
      SELECT
        `t3`.`unit`,
        `t3`.`person`,
        `t3`.`ts`,
        `t3`.`seq`,
        `t3`.`label`,
        `t3`.`event`,
        `t3`.`channel`,
        `t3`.`value`,
        `t3`.`properties`,
        `t3`.`position`
      FROM (
        SELECT
          *
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
            `t1`.`position`,
            LAG(`t1`.`label`) OVER (
              PARTITION BY `t1`.`unit`
              ORDER BY `t1`.`ts` ASC NULLS LAST, `t1`.`seq` ASC NULLS LAST, `t1`.`label` ASC NULLS LAST
            ) AS `_previous`
          FROM (
            SELECT
              `t0`.`unit`,
              `t0`.`person`,
              `t0`.`ts`,
              `t0`.`seq`,
              `t0`.`label`,
              `t0`.`event`,
              `t0`.`channel`,
              `t0`.`value`,
              `t0`.`properties`,
              CASE
                WHEN `t0`.`label` = 'awareness'
                THEN 1
                WHEN `t0`.`label` = 'consideration'
                THEN 2
                WHEN `t0`.`label` = 'decision'
                THEN 3
                WHEN `t0`.`label` = 'purchase'
                THEN 4
                ELSE NULL
              END AS `position`
            FROM `journey_events` AS `t0`
            WHERE
              `t0`.`label` IN ('awareness', 'consideration', 'decision', 'purchase')
          ) AS `t1`
        ) AS `t2`
        WHERE
          (
            `t2`.`_previous` IS NULL
          ) OR (
            `t2`.`_previous` <> `t2`.`label`
          )
      ) AS `t3`
    ) AS `t4`
  ) AS `t5`
) AS `t6`
WHERE
  `t6`.`_source` IS NOT NULL
