WITH `t5` AS (
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
)
SELECT
  `t13`.`unit`,
  `t13`.`_source` AS `source`,
  `t13`.`label` AS `target`,
  CASE
    WHEN (
      `t13`.`position` - `t13`.`_from`
    ) = 1
    THEN 'forward'
    WHEN (
      `t13`.`position` - `t13`.`_from`
    ) > 1
    THEN 'skip'
    ELSE 'backward'
  END AS `kind`,
  IF(
    (
      `t13`.`position` - `t13`.`_from`
    ) > 1,
    (
      `t13`.`position` - `t13`.`_from`
    ) - 1,
    0
  ) AS `skipped`,
  `t13`.`_first` < `t13`.`_index` AS `revisit`
FROM (
  SELECT
    `t12`.`unit`,
    `t12`.`person`,
    `t12`.`ts`,
    `t12`.`seq`,
    `t12`.`label`,
    `t12`.`event`,
    `t12`.`channel`,
    `t12`.`value`,
    `t12`.`properties`,
    `t12`.`position`,
    `t12`.`_index`,
    `t12`.`_source`,
    `t12`.`_from`,
    `t12`.`_first`
  FROM (
    SELECT
      `t9`.`unit`,
      `t9`.`person`,
      `t9`.`ts`,
      `t9`.`seq`,
      `t9`.`label`,
      `t9`.`event`,
      `t9`.`channel`,
      `t9`.`value`,
      `t9`.`properties`,
      `t9`.`position`,
      `t9`.`_index`,
      `t9`.`_source`,
      `t9`.`_from`,
      `t11`.`_f_unit`,
      `t11`.`_f_label`,
      `t11`.`_first`
    FROM (
      SELECT
        *
      FROM `t5` AS `t6`
      WHERE
        `t6`.`_source` IS NOT NULL
    ) AS `t9`
    INNER JOIN (
      SELECT
        `t7`.`unit` AS `_f_unit`,
        `t7`.`label` AS `_f_label`,
        `t7`.`_first`
      FROM (
        SELECT
          `t6`.`unit`,
          `t6`.`label`,
          MIN(`t6`.`_index`) AS `_first`
        FROM `t5` AS `t6`
        GROUP BY
          1,
          2
      ) AS `t7`
    ) AS `t11`
      ON `t9`.`unit` = `t11`.`_f_unit` AND `t9`.`label` = `t11`.`_f_label`
  ) AS `t12`
) AS `t13`
